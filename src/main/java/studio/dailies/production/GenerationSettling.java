package studio.dailies.production;

import org.springframework.stereotype.Component;
import studio.dailies.activity.Activity;
import studio.dailies.activity.ActivityLog;
import studio.dailies.security.CurrentUser;

import java.time.Clock;
import java.util.Locale;

/**
 * The system's side of the workflow: moves a shot as generation reports, always through {@link ShotWorkflow}.
 * Callers hold the transaction and have checked access.
 */
@Component
class GenerationSettling {

    private final JobActivity generation;
    private final ActivityLog activity;
    private final CurrentUser currentUser;
    private final Clock clock;

    GenerationSettling(JobActivity generation, ActivityLog activity, CurrentUser currentUser, Clock clock) {
        this.generation = generation;
        this.activity = activity;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * A shot left GENERATING with no job still queued or running goes back to where its variants put it: in review
     * when it has some, planned when it has none (all its jobs failed).
     */
    void settle(Shot shot, long showId) {
        if (shot.status() == ShotStatus.GENERATING && !generation.hasActiveJobs(shot.id())) {
            // Ask generation, not the board's count: the two after-commit events arrive in either order.
            long variants = generation.variantCount(shot.id());
            shot.changeVariantCount((int) variants);
            move(shot, showId, variants > 0 ? ShotAction.VARIANTS_READY : ShotAction.NOTHING_GENERATED);
        }
    }

    /** A job ended: the shot's GPU time is what all its jobs recorded, read afresh (never added up event by event). */
    void recordDeviceTime(Shot shot) {
        shot.changeGpuMillis(generation.deviceMillis(shot.id()));
    }

    void move(Shot shot, long showId, ShotAction action) {
        var from = shot.status();
        var to = ShotWorkflow.next(from, action, ShotWorkflow.SYSTEM);
        if (to != from) {
            shot.changeStatus(to, clock.instant());
            activity.record(new Activity(currentUser.actorId(), "shot." + action.name().toLowerCase(Locale.ROOT),
                    "shot", shot.id(), showId, from + " -> " + to));
        }
    }
}
