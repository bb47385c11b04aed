package studio.dailies.live;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Fan-out of shot changes to the views that show the shot, in this node. Subscribers are called on
 * their own virtual thread (see LiveProperties) and hand over to their UI with UI.access. Several nodes would
 * carry these over PostgreSQL LISTEN/NOTIFY (a later issue).
 */
@Service
public class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    /** The topic of subscribers to all shots; real shot ids start at 1. */
    private static final long ALL_SHOTS = ShotChange.WHOLE_QUEUE;

    private final Map<Long, Set<Consumer<ShotChange>>> subscribers = new ConcurrentHashMap<>();
    private final Set<Consumer<ShotChange>> beforeViews = ConcurrentHashMap.newKeySet();
    private final Executor delivery;
    private final AtomicLong sequence = new AtomicLong();

    /** Calls subscribers on the publishing thread. */
    public LiveUpdates() {
        this.delivery = Runnable::run;
    }

    @Autowired
    LiveUpdates(LiveProperties properties) {
        this.delivery = properties.delivery() == LiveProperties.Delivery.DIRECT ? Runnable::run
                : Executors.newVirtualThreadPerTaskExecutor();
    }

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

    /**
     * Hears every change on the publishing thread, before any view does: for caches that views read, so that a view
     * refreshing on a change never reads the copy from before it. The listener must be quick and must not throw.
     */
    public Subscription beforeViews(Consumer<ShotChange> listener) {
        beforeViews.add(listener);
        return () -> beforeViews.remove(listener);
    }

    /**
     * Tells the shot's views, and the views of all shots. Every change gets a new sequence number, so the
     * views that hear of the same change can share one read of it (see ReviewWorkspace).
     */
    public void publish(ShotChange published) {
        var change = published.stamped(sequence.incrementAndGet());
        log.debug("Published change {} of shot {} at {}", change.sequence(), change.shotId(), System.currentTimeMillis());
        beforeViews.forEach(listener -> deliver(listener, change));
        if (change.kind() == ShotChange.Kind.QUEUE) {
            // The queue pages watch all shots; a shot's own page shows its jobs, whose order it does not show.
            notify(ALL_SHOTS, change);
            return;
        }
        notify(change.shotId(), change);
        if (change.kind() != ShotChange.Kind.PRESENCE) {
            notify(ALL_SHOTS, change);
        }
    }

    private void notify(long topic, ShotChange change) {
        for (var listener : subscribers.getOrDefault(topic, Set.of())) {
            // Views reload what they show from the database, so the order in which they hear of changes does not matter.
            try {
                delivery.execute(() -> deliver(listener, change));
            } catch (RejectedExecutionException shuttingDown) {
                // Closing sessions still announce who left after delivery has stopped; nobody is left to tell.
                return;
            }
        }
    }

    private static void deliver(Consumer<ShotChange> listener, ShotChange change) {
        try {
            listener.accept(change);
            // Wall-clock time, so that it can be set against a browser's clock on the same machine (the review benchmark).
            log.debug("Delivered change {} of shot {} at {}", change.sequence(), change.shotId(), System.currentTimeMillis());
        } catch (RuntimeException e) {
            // One broken view must not stop the others, nor the worker that published.
            log.warn("A live-update subscriber of shot {} failed", change.shotId(), e);
        }
    }

    @PreDestroy
    void stop() {
        if (delivery instanceof ExecutorService service) {
            service.shutdown();
        }
    }

    /**
     * The number of the latest change published. Changes are published after they commit, so a read that starts
     * after this call sees every change up to this number.
     */
    public long lastSequence() {
        return sequence.get();
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
