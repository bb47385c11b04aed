package studio.dailies.production;

import java.util.Collection;
import java.util.Map;

/**
 * How many open (unresolved) frame notes each shot has, for the board. Notes sit above production (DESIGN §3), so
 * production declares what it needs and the notes feature provides it, as {@code security.ShowCatalog} does for
 * shows. Until a bean implements it the board has no notes column.
 */
public interface OpenNoteCounts {

    /**
     * Open notes per shot for these shots, in one query; shots without open notes may be absent. The caller has
     * already checked that the user may see the shots.
     */
    Map<Long, Long> openNotes(Collection<Long> shotIds);
}
