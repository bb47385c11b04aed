package studio.dailies.production;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "shots")
class Shot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long episodeId;
    private String code;
    private String description;
    private String basePrompt;
    private int frameCount;
    private int fps;
    private @Nullable Long assigneeId;
    private @Nullable LocalDate dueDate;
    private int position;

    @Enumerated(EnumType.STRING)
    private ShotStatus status = ShotStatus.PLANNED;

    private @Nullable Long approvedVariantId;
    /** When the current approval was made; null while the shot has none. */
    private @Nullable Instant approvedAt;
    private int variantCount;
    /** The device time of all the shot's jobs, recomputed from generation when a job ends. */
    private long gpuMillis;
    private Instant createdAt;
    private Instant updatedAt;
    /** When the shot last entered IN_REVIEW; null in every other status. */
    private @Nullable Instant inReviewSince;
    /** Why a producer held or omitted the shot; null in every other status. */
    private @Nullable String statusReason;
    /** The status a held or omitted shot goes back to; null in every other status. */
    @Enumerated(EnumType.STRING)
    private @Nullable ShotStatus resumeStatus;

    @Version
    private long version;

    protected Shot() {
        this.code = "";
        this.description = "";
        this.basePrompt = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    Shot(long episodeId, int position, Instant createdAt) {
        this();
        this.episodeId = episodeId;
        this.position = position;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("shot is not saved yet");
        }
        return id;
    }

    long episodeId() { return episodeId; }
    String code() { return code; }
    ShotStatus status() { return status; }
    @Nullable Long assigneeId() { return assigneeId; }
    @Nullable LocalDate dueDate() { return dueDate; }
    int position() { return position; }
    long version() { return version; }
    int variantCount() { return variantCount; }
    @Nullable Instant inReviewSince() { return inReviewSince; }
    @Nullable String statusReason() { return statusReason; }
    @Nullable ShotStatus resumeStatus() { return resumeStatus; }

    void apply(ShotDraft draft, Instant now) {
        this.code = draft.code().trim();
        this.description = draft.description().trim();
        this.basePrompt = draft.basePrompt().trim();
        this.frameCount = draft.frameCount() == null ? 0 : draft.frameCount();
        this.fps = draft.fps() == null ? 0 : draft.fps();
        this.assigneeId = draft.assigneeId();
        this.dueDate = draft.dueDate();
        this.updatedAt = now;
    }

    void assign(@Nullable Long assigneeId, Instant now) {
        this.assigneeId = assigneeId;
        this.updatedAt = now;
    }

    void reschedule(@Nullable LocalDate dueDate, Instant now) {
        this.dueDate = dueDate;
        this.updatedAt = now;
    }

    void moveTo(int position) {
        this.position = position;
    }

    /** Every status change goes through here, so the review queue's waiting time cannot drift from the status. */
    void changeStatus(ShotStatus status, Instant now) {
        if (status != ShotStatus.IN_REVIEW) {
            this.inReviewSince = null;
        } else if (this.status != ShotStatus.IN_REVIEW || this.inReviewSince == null) {
            // New variants for a shot already in review do not restart its wait.
            this.inReviewSince = now;
        }
        this.status = status;
        this.updatedAt = now;
    }

    /**
     * Holds or omits the shot with the producer's reason. It remembers where it was, so it can be taken back there;
     * omitting a held shot keeps the status from before the hold.
     */
    void setAside(ShotStatus status, String reason, Instant now) {
        if (!this.status.isSetAside()) {
            this.resumeStatus = this.status;
        }
        this.statusReason = reason;
        changeStatus(status, now);
    }

    void takeBack(ShotStatus status, Instant now) {
        this.resumeStatus = null;
        this.statusReason = null;
        changeStatus(status, now);
    }

    void approve(long variantId, ShotStatus status, Instant now) {
        this.approvedVariantId = variantId;
        this.approvedAt = now;
        changeStatus(status, now);
    }

    void reopen(ShotStatus status, Instant now) {
        this.approvedVariantId = null;
        this.approvedAt = null;
        changeStatus(status, now);
    }

    @Nullable Long approvedVariantId() {
        return approvedVariantId;
    }

    long gpuMillis() { return gpuMillis; }
    @Nullable Instant approvedAt() { return approvedAt; }

    void changeGpuMillis(long millis) {
        this.gpuMillis = millis;
    }

    void changeVariantCount(int count) {
        this.variantCount = count;
    }

    ShotDetails toDetails(long showId, @Nullable String assigneeName) {
        return new ShotDetails(id(), episodeId, showId, code, description, basePrompt, frameCount, fps, assigneeId,
                assigneeName, dueDate, position, status, approvedVariantId, variantCount, version, updatedAt,
                statusReason, gpuMillis, inReviewSince);
    }
}
