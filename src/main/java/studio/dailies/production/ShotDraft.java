package studio.dailies.production;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** What a producer fills in for a shot. */
public record ShotDraft(
        @NotBlank(message = "Enter a shot code")
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}", message = "Use 2–32 capitals, digits or '_', e.g. EP01_SH010")
        String code,
        @Size(max = 1000, message = "At most 1000 characters") String description,
        @NotBlank(message = "Enter the base prompt") @Size(max = 2000, message = "At most 2000 characters")
        String basePrompt,
        @NotNull(message = "Enter the frame count") @Min(value = 1, message = "Use 1 to 240 frames")
        @Max(value = 240, message = "Use 1 to 240 frames") @Nullable Integer frameCount,
        @NotNull(message = "Enter the frame rate") @Min(value = 1, message = "Use 1 to 60 fps")
        @Max(value = 60, message = "Use 1 to 60 fps") @Nullable Integer fps,
        @Nullable Long assigneeId,
        @Nullable LocalDate dueDate) {
}
