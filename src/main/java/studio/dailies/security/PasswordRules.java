package studio.dailies.security;

import studio.dailies.base.InputRules;

/** One place for what makes an acceptable password. */
final class PasswordRules {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 72; // bcrypt ignores bytes past 72

    private PasswordRules() {
    }

    static void check(InputRules.Check check, String field, String password) {
        check.rejectIf(password.length() < MIN_LENGTH, field, "Use at least " + MIN_LENGTH + " characters")
             .rejectIf(password.length() > MAX_LENGTH, field, "Use at most " + MAX_LENGTH + " characters")
             .rejectIf(!password.isEmpty() && password.isBlank(), field, "A password cannot be only spaces");
    }
}
