package studio.dailies.production;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.PlainText;
import studio.dailies.base.Text;

/**
 * What an admin fills in for a show: its name and code, and the default look of its takes. The limits are shared
 * by the table, the service and the form; sizes and timing are those a generation job accepts.
 */
public record ShowDraft(
        @NotBlank(message = "Enter a show code")
        @Pattern(regexp = "[A-Z][A-Z0-9]{1,11}", message = "Use 2–12 capitals or digits, starting with a capital, e.g. PLN")
        String code,
        @NotBlank(message = "Enter the show's name") @Size(max = NAME_MAX, message = "At most {max} characters") @PlainText
        String name,
        @Size(max = PROMPT_MAX, message = "At most {max} characters") @PlainText(Text.Lines.MULTI) String stylePrompt,
        @Size(max = PROMPT_MAX, message = "At most {max} characters") @PlainText(Text.Lines.MULTI) String negativePrompt,
        @NotNull(message = "Enter the width") @Min(value = MIN_SIZE, message = "Use 64 to 1920 pixels")
        @Max(value = MAX_SIZE, message = "Use 64 to 1920 pixels") @Nullable Integer width,
        @NotNull(message = "Enter the height") @Min(value = MIN_SIZE, message = "Use 64 to 1920 pixels")
        @Max(value = MAX_SIZE, message = "Use 64 to 1920 pixels") @Nullable Integer height,
        @NotNull(message = "Enter the frame rate") @Min(value = 1, message = "Use 1 to 60 fps")
        @Max(value = MAX_FPS, message = "Use 1 to 60 fps") @Nullable Integer fps,
        @NotNull(message = "Enter the frame count") @Min(value = 1, message = "Use 1 to 240 frames")
        @Max(value = MAX_FRAMES, message = "Use 1 to 240 frames") @Nullable Integer frameCount,
        @NotBlank(message = "Choose a model") String modelId) {

    public static final int CODE_MAX = 12;
    public static final int NAME_MAX = 120;
    public static final int PROMPT_MAX = 2000;
    public static final int MIN_SIZE = 64;
    public static final int MAX_SIZE = 1920;
    public static final int MAX_FPS = 60;
    public static final int MAX_FRAMES = 240;

    /** A new show's starting point in the form: the demo's proven size and timing. */
    public static ShowDraft blank(String modelId) {
        return new ShowDraft("", "", "", "", 640, 360, 24, 48, modelId);
    }

    /** The draft as it is stored: text cleaned by {@link Text#clean}. */
    public ShowDraft cleaned() {
        return new ShowDraft(Text.clean(code), Text.clean(name), Text.clean(stylePrompt), Text.clean(negativePrompt),
                width, height, fps, frameCount, Text.clean(modelId));
    }

    ShowLook look() {
        return new ShowLook(modelId, stylePrompt, negativePrompt, width == null ? 0 : width, height == null ? 0 : height,
                fps == null ? 0 : fps, frameCount == null ? 0 : frameCount);
    }
}
