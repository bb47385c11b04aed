package studio.dailies.live;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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
        assertThat(heard).containsExactly(new ShotChange(7, ShotChange.Kind.VARIANTS));
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
    void aFailingSubscriberDoesNotStopTheOthers() {
        List<ShotChange> heard = new ArrayList<>();
        live.subscribe(1, change -> {
            throw new IllegalStateException("detached UI");
        });
        live.subscribe(1, heard::add);
        live.publish(new ShotChange(1, ShotChange.Kind.JOB_PROGRESS));
        assertThat(heard).hasSize(1);
    }
}
