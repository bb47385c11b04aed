package studio.dailies.security;

import studio.dailies.base.PlainText;
import studio.dailies.base.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.Set;

/** What the admin fills in to create a user. */
public record NewUser(
        @NotBlank(message = "Enter a username")
        @Pattern(regexp = "[a-z0-9._-]{3,40}", message = "Use 3–40 lower-case letters, digits, '.', '_' or '-'")
        String username,
        @NotBlank(message = "Enter the person's name") @Size(max = DISPLAY_NAME_MAX, message = "At most {max} characters")
        @PlainText String displayName,
        @NotNull(message = "Choose a role") @Nullable Role role,
        String password,
        Set<Long> showIds) {

    public static final int USERNAME_MAX = 40;
    public static final int DISPLAY_NAME_MAX = 80;

    /** The input as it is stored: the username without blanks, the name cleaned by {@link Text#clean}. */
    public NewUser cleaned() {
        return new NewUser(Text.clean(username), Text.clean(displayName), role, password == null ? "" : password,
                showIds == null ? Set.of() : showIds);
    }
}
