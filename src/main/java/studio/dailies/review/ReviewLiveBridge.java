package studio.dailies.review;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;

/** Tells open views of a shot about a decision, once it has committed. */
@Component
class ReviewLiveBridge {

    private final LiveUpdates live;

    ReviewLiveBridge(LiveUpdates live) {
        this.live = live;
    }

    @TransactionalEventListener
    void decided(VariantDecided event) {
        live.publish(new ShotChange(event.shotId(), ShotChange.Kind.DECISION));
    }
}
