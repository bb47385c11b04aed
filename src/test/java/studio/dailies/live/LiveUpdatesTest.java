package studio.dailies.live;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LiveUpdatesTest {

    private final LiveUpdates live = new LiveUpdates();

    @Test
    void aSubscriberHearsOnlyItsShotUntilItUnsubscribes() {
        List<ShotChange> heard = new ArrayList<>();
        var subscription = live.subscribe(7, heard::add);
        live.publish(new ShotChange(7, ShotChange.Kind.VARIANTS));
        live.publish(new ShotChange(8, ShotChange.Kind.VARIANTS));
        subscription.close();
        live.publish(new ShotChange(7, ShotChange.Kind.STATUS));
        assertThat(heard).extracting(ShotChange::shotId, ShotChange::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7L, ShotChange.Kind.VARIANTS));
        assertThat(heard.getFirst().sequence()).isPositive();
        assertThat(live.subscriberCount(7)).isZero();
    }

    @Test
    void aBoardSubscribedToAllShotsHearsEveryShot() {
        List<ShotChange> heard = new ArrayList<>();
        var subscription = live.subscribeAll(heard::add);
        live.publish(new ShotChange(3, ShotChange.Kind.JOB_PROGRESS));
        live.publish(new ShotChange(4, ShotChange.Kind.VARIANTS));
        subscription.close();
        live.publish(new ShotChange(5, ShotChange.Kind.VARIANTS));
        assertThat(heard).extracting(ShotChange::shotId).containsExactly(3L, 4L);
    }

    @Test
    void queueChangesReachOnlyTheViewsOfAllShotsOnceEach() {
        List<ShotChange> queuePage = new ArrayList<>();
        List<ShotChange> shotPage = new ArrayList<>();
        live.subscribeAll(queuePage::add);
        live.subscribe(6, shotPage::add);
        live.publish(new ShotChange(6, ShotChange.Kind.QUEUE));
        live.publish(new ShotChange(ShotChange.WHOLE_QUEUE, ShotChange.Kind.QUEUE));
        assertThat(queuePage).extracting(ShotChange::shotId).containsExactly(6L, ShotChange.WHOLE_QUEUE);
        assertThat(shotPage).isEmpty();
    }

    @Test
    void aFailingSubscriberDoesNotStopTheOthers() {
        List<ShotChange> heard = new ArrayList<>();
        live.subscribe(1, change -> {
            throw new IllegalStateException("detached UI");
        });
        live.subscribe(1, heard::add);
        live.publish(new ShotChange(1, ShotChange.Kind.JOB_PROGRESS));
        assertThat(heard).hasSize(1);
    }

    @Test
    void presenceChangesReachOnlyTheShotsOwnViewsNotTheBoards() {
        List<ShotChange> board = new ArrayList<>();
        List<ShotChange> shot = new ArrayList<>();
        live.subscribeAll(board::add);
        live.subscribe(9, shot::add);
        new Presence(live).enter(9, 1, "Mira").close();
        assertThat(shot).extracting(ShotChange::kind).containsExactly(ShotChange.Kind.PRESENCE, ShotChange.Kind.PRESENCE);
        assertThat(board).isEmpty();
    }

    @Test
    void inParallelDeliveryASlowViewHoldsUpNeitherThePublisherNorTheOtherViews() throws Exception {
        var parallel = new LiveUpdates(new LiveProperties(LiveProperties.Delivery.PARALLEL));
        var release = new CountDownLatch(1);
        var fastHeard = new CountDownLatch(50);
        parallel.subscribe(2, change -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 50; i++) {
            parallel.subscribe(2, change -> fastHeard.countDown());
        }
        parallel.publish(new ShotChange(2, ShotChange.Kind.STATUS));   // returns although one view is stuck
        assertThat(fastHeard.await(5, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        parallel.stop();
    }

    @Test
    void changesPublishedWhileShuttingDownAreDroppedQuietly() {
        var parallel = new LiveUpdates(new LiveProperties(LiveProperties.Delivery.PARALLEL));
        var heard = new ArrayList<ShotChange>();
        parallel.subscribe(7, heard::add);
        parallel.stop();
        // Sessions closing on shutdown still say who left; that must not throw into their detach.
        parallel.publish(new ShotChange(7, ShotChange.Kind.PRESENCE, 0));
        assertThat(heard).isEmpty();
    }
}
