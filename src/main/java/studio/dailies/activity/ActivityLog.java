package studio.dailies.activity;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** The audit trail. A record joins the caller's transaction, so it is written exactly when the change is. */
@Service
public class ActivityLog {

    private final ActivityEventRepository events;
    private final Clock clock;

    ActivityLog(ActivityEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Activity activity) {
        events.save(new ActivityEvent(activity, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Page<ActivityEntry> forTarget(String targetType, long targetId, Pageable pageable) {
        return events.findByTargetTypeAndTargetIdOrderByOccurredAtDesc(targetType, targetId, pageable)
                .map(ActivityEvent::toEntry);
    }

    @Transactional(readOnly = true)
    public Page<ActivityEntry> recent(Pageable pageable) {
        return events.findAllByOrderByOccurredAtDesc(pageable).map(ActivityEvent::toEntry);
    }
}
