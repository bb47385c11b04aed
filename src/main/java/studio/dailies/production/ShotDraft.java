package studio.dailies.production;

import studio.dailies.base.PlainText;
import studio.dailies.base.Text;
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
        @Size(max = DESCRIPTION_MAX, message = "At most {max} characters") @PlainText(Text.Lines.MULTI)
        String description,
        @NotBlank(message = "Enter the base prompt") @Size(max = PROMPT_MAX, message = "At most {max} characters")
        @PlainText(Text.Lines.MULTI) String basePrompt,
        @NotNull(message = "Enter the frame count") @Min(value = 1, message = "Use 1 to 240 frames")
        @Max(value = 240, message = "Use 1 to 240 frames") @Nullable Integer frameCount,
        @NotNull(message = "Enter the frame rate") @Min(value = 1, message = "Use 1 to 60 fps")
        @Max(value = 60, message = "Use 1 to 60 fps") @Nullable Integer fps,
        @Nullable Long assigneeId,
        @Nullable LocalDate dueDate) {

    public static final int CODE_MAX = 32;
    public static final int DESCRIPTION_MAX = 1000;
    public static final int PROMPT_MAX = 2000;

    /** The draft as it is stored: text cleaned by {@link Text#clean}. */
    public ShotDraft cleaned() {
        return new ShotDraft(Text.clean(code), Text.clean(description), Text.clean(basePrompt), frameCount, fps,
                assigneeId, dueDate);
    }
}
