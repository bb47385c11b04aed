package studio.dailies.production;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import studio.dailies.activity.Activity;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardCacheTest {

    private final LiveUpdates live = new LiveUpdates();
    private final AtomicLong nanos = new AtomicLong();
    private final DashboardCache cache = new DashboardCache(live, nanos::get);
    private final AtomicInteger reads = new AtomicInteger();
    private final DashboardCache.Key show = new DashboardCache.Key(1, null, LocalDate.of(2026, 12, 1));

    private Dashboard read() {
        int n = reads.incrementAndGet();
        return new Dashboard(1, null, "Show, read " + n, n, 0, 0, 0, 0, null, 0, 0, List.of());
    }

    @BeforeEach
    void inAReadOnlyTransaction() {
        // As DashboardService.dashboard reads: in a read-only transaction of its own.
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(true);
    }

    @AfterEach
    void done() {
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
    }

    @Test
    void aSecondOpenReadsNothing() {
        var first = cache.get(show, this::read);
        var second = cache.get(show, this::read);

        assertThat(second).isSameAs(first);
        assertThat(reads).hasValue(1);
    }

    @Test
    void eachDashboardIsKeptApart() {
        cache.get(show, this::read);
        cache.get(new DashboardCache.Key(1, 7L, show.day()), this::read);
        cache.get(new DashboardCache.Key(1, null, show.day().plusDays(1)), this::read);

        assertThat(reads).hasValue(3);
    }

    @Test
    void aCountedChangeIsReadAgainBeforeAnyViewHearsOfIt() {
        cache.get(show, this::read);
        var seenByView = new java.util.ArrayList<String>();
        // A view that refreshes on the change, on the publishing thread as in LiveProperties' DIRECT delivery.
        live.subscribeAll(change -> seenByView.add(cache.get(show, this::read).scope()));

        live.publish(new ShotChange(5, ShotChange.Kind.DECISION));

        assertThat(seenByView).containsExactly("Show, read 2");
    }

    @Test
    void progressPresenceAndNotesDoNotCount() {
        cache.get(show, this::read);
        for (var kind : List.of(ShotChange.Kind.JOB_PROGRESS, ShotChange.Kind.PRESENCE, ShotChange.Kind.NOTES)) {
            live.publish(new ShotChange(5, kind));
        }
        cache.get(show, this::read);

        assertThat(reads).hasValue(1);
    }

    @Test
    void aReadDuringAChangeIsNotKept() {
        var during = cache.get(show, () -> {
            live.publish(new ShotChange(5, ShotChange.Kind.STATUS));   // committed while the figures were read
            return read();
        });
        var after = cache.get(show, this::read);

        assertThat(after).isNotSameAs(during);
        assertThat(reads).hasValue(2);
    }

    @Test
    void whatMovesWithTheClockIsReadAgainAfterAMinute() {
        cache.get(show, this::read);
        nanos.addAndGet(DashboardCache.TIME_TO_LIVE.minusSeconds(1).toNanos());
        cache.get(show, this::read);
        assertThat(reads).hasValue(1);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        cache.get(show, this::read);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadInsideAWritingTransactionIsNotKept() {
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
        cache.get(show, this::read);
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(true);
        cache.get(show, this::read);
        cache.get(show, this::read);

        assertThat(reads).hasValue(2);
    }

    @Test
    void auditedPlanningDropsTheCopiesAndOtherAuditsDoNot() {
        cache.get(show, this::read);
        cache.audited(new Activity(1L, "note.created", "note", 3L, 1L, null));
        cache.get(show, this::read);
        assertThat(reads).hasValue(1);

        cache.audited(new Activity(1L, "episode.updated", "episode", 3L, 1L, null));
        cache.get(show, this::read);
        assertThat(reads).hasValue(2);
    }
}
