package studio.dailies.production;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import studio.dailies.activity.Activity;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The dashboards last read, until something they count changes. A dashboard reads every shot of a show (and of its
 * queue) in a dozen grouped queries; every producer's open dashboard reads it again on each change, so without this
 * each change was read once per open dashboard. A change drops every copy before any view hears of it
 * ({@link LiveUpdates#beforeViews}), so a view refreshing on a change reads the new figures. What moves with the clock
 * alone (queue waits over the last day, the queue's depth now) is at most {@link #TIME_TO_LIVE} old. Planning that
 * tells no view (a show, an episode or a shot edited, a person renamed) drops the copies when its audit record commits.
 */
@Component
class DashboardCache {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);
    /** The changes a dashboard counts: the kinds its view refreshes on, and the queue's order and state. */
    static final Set<ShotChange.Kind> COUNTED = EnumSet.of(ShotChange.Kind.DECISION, ShotChange.Kind.JOB_FINISHED,
            ShotChange.Kind.VARIANTS, ShotChange.Kind.STATUS, ShotChange.Kind.PLANNING, ShotChange.Kind.QUEUE);

    record Key(long showId, @Nullable Long episodeId, LocalDate day) {
    }

    private record Entry(long generation, Dashboard dashboard) {
    }

    private final Cache<Key, Entry> copies;
    /** Moves on every counted change: a copy read while a change landed is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private final LiveUpdates.Subscription subscription;

    @Autowired
    DashboardCache(LiveUpdates live) {
        this(live, Ticker.systemTicker());
    }

    DashboardCache(LiveUpdates live, Ticker ticker) {
        this.copies = Caffeine.newBuilder().expireAfterWrite(TIME_TO_LIVE).maximumSize(500).ticker(ticker).build();
        this.subscription = live.beforeViews(change -> {
            if (COUNTED.contains(change.kind())) {
                invalidateAll();
            }
        });
    }

    /** The audited targets that a dashboard shows: names, order, due dates and the shots themselves. */
    static final Set<String> SHOWN_TARGETS = Set.of("show", "episode", "shot", "user");

    /**
     * The copy of this dashboard, or the one {@code read} makes now: kept unless a change landed meanwhile, or unless
     * it was read inside a transaction that writes (which may see its own uncommitted changes).
     */
    Dashboard get(Key key, Supplier<Dashboard> read) {
        if (!TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return read.get();
        }
        long before = generation.get();
        var copy = copies.getIfPresent(key);
        if (copy != null && copy.generation() == before) {
            return copy.dashboard();
        }
        var fresh = read.get();
        if (generation.get() == before) {
            copies.put(key, new Entry(before, fresh));
        }
        return fresh;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void audited(Activity activity) {
        if (SHOWN_TARGETS.contains(activity.targetType())) {
            invalidateAll();
        }
    }

    void invalidateAll() {
        generation.incrementAndGet();
        copies.invalidateAll();
    }

    @PreDestroy
    void stop() {
        subscription.close();
    }
}
