package studio.dailies.notes;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;

/** Tells open views of a shot that its notes changed, once the change has committed. */
@Component
class NotesLiveBridge {

    private final LiveUpdates live;

    NotesLiveBridge(LiveUpdates live) {
        this.live = live;
    }

    @TransactionalEventListener
    void changed(ShotNotesChanged event) {
        live.publish(new ShotChange(event.shotId(), ShotChange.Kind.NOTES));
    }
}
