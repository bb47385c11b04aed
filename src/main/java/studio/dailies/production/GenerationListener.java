package studio.dailies.production;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import studio.dailies.generation.JobFinished;
import studio.dailies.generation.JobQueued;
import studio.dailies.generation.QueueSteered;
import studio.dailies.generation.VariantsGenerated;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;
import studio.dailies.security.SystemUser;

/** Moves shots along as generation reports, after its transactions commit, and tells open views. */
@Component
class GenerationListener {

    private final ShotService shots;
    private final LiveUpdates live;

    GenerationListener(ShotService shots, LiveUpdates live) {
        this.shots = shots;
        this.live = live;
    }

    // After the generation transaction committed: our own writes need a transaction of their own.
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void variantsGenerated(VariantsGenerated event) {
        SystemUser.run(() -> shots.recordVariants(event.shotId(), event.variantCountOfShot()));
        live.publish(new ShotChange(event.shotId(), ShotChange.Kind.VARIANTS));
    }

    /** A new job: the shot moved to GENERATING in the same transaction, and its viewers should see the job queued. */
    @TransactionalEventListener
    void jobQueued(JobQueued event) {
        live.publish(new ShotChange(event.shotId(), ShotChange.Kind.STATUS));
    }

    /** A producer steered the queue: every open queue page reads it again, since positions and starts move. */
    @TransactionalEventListener
    void queueSteered(QueueSteered event) {
        live.publish(new ShotChange(event.shotId() == null ? ShotChange.WHOLE_QUEUE : event.shotId(),
                ShotChange.Kind.QUEUE));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void jobFinished(JobFinished event) {
        SystemUser.run(() -> shots.settleAfterGeneration(event.shotId()));
        live.publish(new ShotChange(event.shotId(), ShotChange.Kind.JOB_FINISHED));
    }
}
