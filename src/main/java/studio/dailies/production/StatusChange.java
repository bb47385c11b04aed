package studio.dailies.production;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.PlainText;
import studio.dailies.base.Text;

/** A producer's status change for one or many shots: hold or omit them with a reason, or take them back. */
public record StatusChange(
        @NotNull(message = "Choose what to do with the shots") @Nullable ShotAction action,
        @Size(max = REASON_MAX, message = "At most {max} characters") @PlainText(Text.Lines.MULTI)
        @Nullable String reason) {

    public static final int REASON_MAX = 500;

    public static StatusChange hold(String reason) {
        return new StatusChange(ShotAction.PUT_ON_HOLD, reason);
    }

    public static StatusChange omit(String reason) {
        return new StatusChange(ShotAction.OMIT, reason);
    }

    public static StatusChange resume() {
        return new StatusChange(ShotAction.RESUME, null);
    }

    StatusChange cleaned() {
        return new StatusChange(action, reason == null ? null : Text.clean(reason));
    }
}
