package studio.dailies.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Fan-out of shot changes to the views that show the shot, in this node. Subscribers are called on
 * the publishing thread and must hand over to their UI (UI.access) at once. Several nodes would
 * carry these over PostgreSQL LISTEN/NOTIFY (a later issue).
 */
@Service
public class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    /** The topic of subscribers to all shots; real shot ids start at 1. */
    private static final long ALL_SHOTS = 0;

    private final Map<Long, Set<Consumer<ShotChange>>> subscribers = new ConcurrentHashMap<>();

    /** Subscribes to one shot's changes; close the returned handle when the view detaches. */
    public Subscription subscribe(long shotId, Consumer<ShotChange> listener) {
        subscribers.computeIfAbsent(shotId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> subscribers.computeIfPresent(shotId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** Subscribes to every shot's changes, e.g. a board; close the handle when the view detaches. */
    public Subscription subscribeAll(Consumer<ShotChange> listener) {
        return subscribe(ALL_SHOTS, listener);
    }

    public void publish(ShotChange change) {
        notify(change.shotId(), change);
        if (change.kind() != ShotChange.Kind.PRESENCE) {
            notify(ALL_SHOTS, change);
        }
    }

    private void notify(long topic, ShotChange change) {
        for (var listener : subscribers.getOrDefault(topic, Set.of())) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                // One broken view must not stop the others, nor the worker that published.
                log.warn("A live-update subscriber of shot {} failed", change.shotId(), e);
            }
        }
    }

    public int subscriberCount(long shotId) {
        return subscribers.getOrDefault(shotId, Set.of()).size();
    }

    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
