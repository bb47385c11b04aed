package studio.dailies.production;

import studio.dailies.base.PlainText;
import studio.dailies.base.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** What a producer fills in for an episode. The limits are shared by the table, the service and the form. */
public record EpisodeDraft(
        @NotNull(message = "Enter the episode number") @Min(value = 1, message = "Use a number from 1 to 999")
        @Max(value = MAX_NUMBER, message = "Use a number from 1 to 999") @Nullable Integer number,
        @NotBlank(message = "Enter a title") @Size(max = TITLE_MAX, message = "At most {max} characters") @PlainText
        String title,
        @Nullable LocalDate dueDate) {

    public static final int MAX_NUMBER = 999;
    public static final int TITLE_MAX = 120;

    /** The draft as it is stored: text cleaned by {@link Text#clean}. */
    public EpisodeDraft cleaned() {
        return new EpisodeDraft(number, Text.clean(title), dueDate);
    }
}
