package studio.dailies.production;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** What a producer fills in for an episode. */
public record EpisodeDraft(
        @NotNull(message = "Enter the episode number") @Min(value = 1, message = "Use a number from 1 to 999")
        @Max(value = 999, message = "Use a number from 1 to 999") @Nullable Integer number,
        @NotBlank(message = "Enter a title") @Size(max = 120, message = "At most 120 characters") String title,
        @Nullable LocalDate dueDate) {
}
