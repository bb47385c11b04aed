package studio.dailies.generation;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;

/**
 * Generation's figures for production's board and dashboard, kept apart from the queue's own SQL: take thumbnails
 * and the device time recorded on jobs. Every read is one statement for a whole page of shots.
 */
interface FiguresRepository extends Repository<GenerationJob, Long> {

    /** The device time of all the shot's jobs, in milliseconds ({@code ix_jobs_shot}). */
    @Query("select coalesce(sum(j.deviceMillis), 0) from GenerationJob j where j.shotId = :shotId")
    long deviceMillisOfShot(@Param("shotId") long shotId);

    /**
     * For each of these shots, its newest take, and the takes named in {@code pickedIds} (the approved ones):
     * rows of (shot id, take id, media key). Pass a non-empty {@code pickedIds} (an id no take has will do).
     */
    @Query("""
            select v.shotId, v.id, v.mediaKey from Variant v
            where v.id in (select max(w.id) from Variant w where w.shotId in :shotIds group by w.shotId)
               or v.id in :pickedIds
            """)
    List<Object[]> thumbnails(@Param("shotIds") Collection<Long> shotIds, @Param("pickedIds") Collection<Long> pickedIds);
}
