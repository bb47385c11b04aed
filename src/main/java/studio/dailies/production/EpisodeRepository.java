package studio.dailies.production;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;

interface EpisodeRepository extends JpaRepository<Episode, Long> {

    Page<Episode> findByShowId(long showId, Pageable pageable);

    boolean existsByShowIdAndNumberAndIdNot(long showId, int number, long id);

    @Query("select coalesce(max(e.position), 0) from Episode e where e.showId = :showId")
    int maxPosition(@Param("showId") long showId);

    Optional<Episode> findFirstByShowIdAndPositionLessThanOrderByPositionDesc(long showId, int position);

    Optional<Episode> findFirstByShowIdAndPositionGreaterThanOrderByPositionAsc(long showId, int position);
}
