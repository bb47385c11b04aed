package studio.dailies.production;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;

/** Tells open views of the shots a producer changed, once the change has committed. */
@Component
class PlanningLiveBridge {

    private final LiveUpdates live;

    PlanningLiveBridge(LiveUpdates live) {
        this.live = live;
    }

    @TransactionalEventListener
    void changed(ShotsChanged event) {
        event.shotIds().forEach(id -> live.publish(new ShotChange(id, ShotChange.Kind.PLANNING)));
    }
}
