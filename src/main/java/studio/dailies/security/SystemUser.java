package studio.dailies.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.function.Supplier;

/**
 * Runs start-up work (seeding, background jobs) with admin rights, because method security
 * guards every service and no person is logged in on those threads.
 */
public final class SystemUser {

    static final long ID = 0;
    private static final DailiesPrincipal SYSTEM = new DailiesPrincipal(ID, "system", "Dailies", Role.ADMIN, "", true);

    private SystemUser() {
    }

    public static boolean is(DailiesPrincipal principal) {
        return principal.id() == ID;
    }

    public static <T> T call(Supplier<T> work) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null, SYSTEM.getAuthorities()));
        try {
            return work.get();
        } finally {
            context.setAuthentication(previous);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
