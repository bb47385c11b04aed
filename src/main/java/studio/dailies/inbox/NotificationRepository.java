package studio.dailies.inbox;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.Collection;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    /** A person's notifications about the shows they may see ({@code allShows} for admins), newest first. */
    @Query(value = """
            select n from Notification n where n.recipientId = :recipientId
              and (:allShows = true or n.showId in :showIds)
            order by n.createdAt desc, n.id desc
            """,
           countQuery = """
            select count(n) from Notification n where n.recipientId = :recipientId
              and (:allShows = true or n.showId in :showIds)
            """)
    Page<Notification> latest(@Param("recipientId") long recipientId, @Param("allShows") boolean allShows,
                              @Param("showIds") Collection<Long> showIds, Pageable pageable);

    @Query("""
            select count(n) from Notification n where n.recipientId = :recipientId and n.readAt is null
              and (:allShows = true or n.showId in :showIds)
            """)
    long unread(@Param("recipientId") long recipientId, @Param("allShows") boolean allShows,
                @Param("showIds") Collection<Long> showIds);

    @Modifying
    @Query("update Notification n set n.readAt = :at where n.recipientId = :recipientId and n.readAt is null")
    int readAll(@Param("recipientId") long recipientId, @Param("at") Instant at);
}
