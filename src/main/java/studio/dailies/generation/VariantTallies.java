package studio.dailies.generation;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** A query Spring Data cannot derive: per-shot counts against a per-shot moment, in one grouped query. */
interface VariantTallies {

    /**
     * For each of the shots that has variants: its variant count, and how many were created after its
     * entry in {@code newerThan}; a shot without an entry counts all its variants as newer.
     */
    Map<Long, VariantTally> tally(Collection<Long> shotIds, Map<Long, Instant> newerThan);
}
