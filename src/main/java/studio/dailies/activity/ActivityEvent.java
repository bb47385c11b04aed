package studio.dailies.activity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One line of the audit trail: who did what to which thing, and when. Never changed once written. */
@Entity
@Table(name = "activity_events")
class ActivityEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private @Nullable Long actorId;
    private String action;
    private String targetType;
    private @Nullable Long targetId;
    private @Nullable Long showId;
    private @Nullable String detail;
    private Instant occurredAt;

    protected ActivityEvent() {
        this.action = "";
        this.targetType = "";
        this.occurredAt = Instant.EPOCH;
    }

    ActivityEvent(Activity activity, Instant occurredAt) {
        this.actorId = activity.actorId();
        this.action = activity.action();
        this.targetType = activity.targetType();
        this.targetId = activity.targetId();
        this.showId = activity.showId();
        this.detail = activity.detail();
        this.occurredAt = occurredAt;
    }

    ActivityEntry toEntry() {
        return new ActivityEntry(id == null ? 0 : id, actorId, action, targetType, targetId, showId, detail, occurredAt);
    }
}
