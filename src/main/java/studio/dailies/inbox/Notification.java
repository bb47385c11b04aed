package studio.dailies.inbox;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * Something one person is told about, with where it happened: the show and shot, and when known the take, the
 * frame (from 0), the note and the job. The summary is written when the thing happens, so it reads as it was.
 */
@Entity
@Table(name = "notifications")
class Notification {

    static final int SUMMARY_MAX = 400;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long recipientId;
    @Enumerated(EnumType.STRING)
    private NotificationKind kind;
    private @Nullable Long actorId;
    private long showId;
    private long shotId;
    private @Nullable Long variantId;
    private @Nullable Integer frame;
    private @Nullable Long noteId;
    private @Nullable Long jobId;
    private String summary;
    private Instant createdAt;
    private @Nullable Instant readAt;

    protected Notification() {
        this.kind = NotificationKind.MENTION;
        this.summary = "";
        this.createdAt = Instant.EPOCH;
    }

    Notification(long recipientId, NotificationKind kind, @Nullable Long actorId, long showId, long shotId,
                 @Nullable Long variantId, @Nullable Integer frame, @Nullable Long noteId, @Nullable Long jobId,
                 String summary, Instant createdAt) {
        this.recipientId = recipientId;
        this.kind = kind;
        this.actorId = actorId;
        this.showId = showId;
        this.shotId = shotId;
        this.variantId = variantId;
        this.frame = frame;
        this.noteId = noteId;
        this.jobId = jobId;
        this.summary = summary.length() <= SUMMARY_MAX ? summary : summary.substring(0, SUMMARY_MAX - 1) + "…";
        this.createdAt = createdAt;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("notification is not saved yet");
        }
        return id;
    }

    long recipientId() { return recipientId; }

    void read(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    NotificationView toView() {
        return new NotificationView(id(), kind, summary, createdAt, readAt != null, shotId, variantId, frame, noteId, jobId);
    }
}
