package studio.dailies.security;

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
        @NotBlank(message = "Enter the person's name") @Size(max = 80, message = "At most 80 characters")
        String displayName,
        @NotNull(message = "Choose a role") @Nullable Role role,
        String password,
        Set<Long> showIds) {
}
