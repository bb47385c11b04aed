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
    private int variantCount;
    private Instant createdAt;
    private Instant updatedAt;
    /** When the shot last entered IN_REVIEW; null in every other status. */
    private @Nullable Instant inReviewSince;

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

    void approve(long variantId, ShotStatus status, Instant now) {
        this.approvedVariantId = variantId;
        changeStatus(status, now);
    }

    void reopen(ShotStatus status, Instant now) {
        this.approvedVariantId = null;
        changeStatus(status, now);
    }

    @Nullable Long approvedVariantId() {
        return approvedVariantId;
    }

    void changeVariantCount(int count) {
        this.variantCount = count;
    }

    ShotDetails toDetails(long showId, @Nullable String assigneeName) {
        return new ShotDetails(id(), episodeId, showId, code, description, basePrompt, frameCount, fps, assigneeId,
                assigneeName, dueDate, position, status, approvedVariantId, variantCount, version, updatedAt);
    }
}
