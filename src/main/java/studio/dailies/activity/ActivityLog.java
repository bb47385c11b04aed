package studio.dailies.activity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * The audit trail. A record joins the caller's transaction, so it is written exactly when the change is. Each record
 * is also published as an event, so that what keeps copies of the audited data (a cache) hears of the change once it
 * commits.
 */
@Service
public class ActivityLog {

    private final ActivityEventRepository events;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    ActivityLog(ActivityEventRepository events, Clock clock, ApplicationEventPublisher publisher) {
        this.events = events;
        this.clock = clock;
        this.publisher = publisher;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Activity activity) {
        events.save(new ActivityEvent(activity, clock.instant()));
        publisher.publishEvent(activity);
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
