package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The live jobs in the order the queue page shows them: running jobs first, then the claim order of
 * {@link GenerationJobRepository#claimCandidates} (moved to the front, latest first; priority; the requester served
 * least recently; the shot due soonest; queue time; id). Ordered here from narrow keys rather than in SQL, where
 * joining the round-robin's small derived table to 10 000 live jobs cost H2 more than the rest of the page.
 */
final class QueueOrder {

    /** One live job's sort keys; {@code requester} 0 is the system, which takes turns as one more requester. */
    record Key(long id, long showId, boolean running, @Nullable Instant frontAt, int priority, long requester,
               @Nullable LocalDate due, Instant queuedAt) {
    }

    private QueueOrder() {
    }

    /** Sorts the keys in queue order; {@code lastServed} is each requester's latest of the recent claims. */
    static List<Key> sort(List<Key> keys, Map<Long, Instant> lastServed) {
        Comparator<Key> order = Comparator.comparingInt((Key k) -> k.running() ? 0 : 1)
                .thenComparing(Key::frontAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Key::priority, Comparator.reverseOrder())
                .thenComparing((Key k) -> lastServed.get(k.requester()), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Key::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Key::queuedAt)
                .thenComparingLong(Key::id);
        return keys.stream().sorted(order).toList();
    }
}
