package studio.dailies.production;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

public record ShotDetails(long id, long episodeId, long showId, String code, String description, String basePrompt,
                          int frameCount, int fps, @Nullable Long assigneeId, @Nullable String assigneeName,
                          @Nullable LocalDate dueDate, int position, ShotStatus status,
                          @Nullable Long approvedVariantId, int variantCount, long version, Instant updatedAt,
                          @Nullable String statusReason, long gpuMillis, @Nullable Instant inReviewSince) {

    public ShotDraft toDraft() {
        return new ShotDraft(code, description, basePrompt, frameCount, fps, assigneeId, dueDate);
    }
}
