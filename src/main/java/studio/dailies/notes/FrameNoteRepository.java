package studio.dailies.notes;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;

interface FrameNoteRepository extends JpaRepository<FrameNote, Long> {

    /**
     * Which first notes head a shot's threads: on one take or all ({@code variantId} 0), open, resolved or both. A
     * deleted first note still heads its thread while a reply to it stands.
     */
    String THREADS = """
            from FrameNote n
            where n.shotId = :shotId and n.parentId is null
              and (:variantId = 0 or n.variantId = :variantId)
              and (:allStates = true or n.resolved = :resolved)
              and (n.deletedAt is null or exists (select r.id from FrameNote r where r.parentId = n.id and r.deletedAt is null))
            """;

    /** A slice of a shot's threads (their first notes), without counting them all: a lazy list counts once. */
    @Query("select n " + THREADS)
    Slice<FrameNote> threads(@Param("shotId") long shotId, @Param("variantId") long variantId,
                             @Param("allStates") boolean allStates, @Param("resolved") boolean resolved, Pageable pageable);

    @Query("select count(n) " + THREADS)
    long countThreads(@Param("shotId") long shotId, @Param("variantId") long variantId,
                      @Param("allStates") boolean allStates, @Param("resolved") boolean resolved);

    /** Every thread's first note of these shots (deleted ones too), for exports, in reading order. */
    @Query("""
            select n from FrameNote n where n.shotId in :shotIds and n.parentId is null
            order by n.shotId, n.variantId, n.frameStart, n.createdAt, n.id
            """)
    List<FrameNote> rootsOfShots(@Param("shotIds") Collection<Long> shotIds);

    List<FrameNote> findByParentIdInOrderByCreatedAtAscIdAsc(Collection<Long> parentIds);

    /**
     * The markers of a shot's open and resolved threads: one light row per live first note, oldest first, so that a
     * new note's marker comes last and every open scrub bar only adds it (in frame order, all those after it moved).
     */
    @Query("""
            select new studio.dailies.notes.NoteMarker(n.id, n.variantId, n.frameStart, n.frameEnd, n.resolved,
                   case when n.drawingJson is null then false else true end)
            from FrameNote n where n.shotId = :shotId and n.parentId is null and n.deletedAt is null
            order by n.variantId, n.id
            """)
    List<NoteMarker> markers(@Param("shotId") long shotId);

    /**
     * The drawings of these takes' live first notes, oldest first: a new note's drawing comes last, so that the open
     * pages are sent only it, and a newer drawing lies over an older one on the same frame.
     */
    @Query("""
            select new studio.dailies.notes.FrameDrawing(n.id, n.variantId, n.frameStart, n.frameEnd, n.drawingJson)
            from FrameNote n where n.variantId in :variantIds and n.parentId is null and n.deletedAt is null
              and n.drawingJson is not null
            order by n.variantId, n.id
            """)
    List<FrameDrawing> drawings(@Param("variantIds") Collection<Long> variantIds);

    /** Live threads per shot and state: (shot id, resolved, count) rows. */
    @Query("""
            select n.shotId, n.resolved, count(n) from FrameNote n
            where n.shotId in :shotIds and n.parentId is null and n.deletedAt is null
            group by n.shotId, n.resolved
            """)
    List<Object[]> threadCounts(@Param("shotIds") Collection<Long> shotIds);

    /** Open threads per shot: (shot id, count) rows for shots that have any. */
    @Query("""
            select n.shotId, count(n) from FrameNote n
            where n.shotId in :shotIds and n.parentId is null and n.deletedAt is null and n.resolved = false
            group by n.shotId
            """)
    List<Object[]> openThreadCounts(@Param("shotIds") Collection<Long> shotIds);

    /** Who is mentioned in these notes: (note id, user id) rows. */
    @Query("select n.id, m from FrameNote n join n.mentionedUserIds m where n.id in :noteIds")
    List<Object[]> mentions(@Param("noteIds") Collection<Long> noteIds);
}
