package studio.dailies.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.Optional;

/**
 * What a signed-in person may do now, as the database says, not as it was at login: every request reads it
 * ({@link FreshAccessFilter}). A change on this node takes effect at once (its event drops the cached copy);
 * a change made on another node within {@link #TIME_TO_LIVE}.
 */
@Component
public class FreshAccess {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(2);

    /**
     * Tells the login page why a session ended: it outlives the session that was invalidated. The login page
     * reads it once.
     */
    public static final String SIGNED_OUT_COOKIE = "dailies-signed-out";
    public static final String DISABLED = "disabled";

    /** A person's current standing; empty when the account no longer exists. */
    public record Standing(Role role, boolean enabled, String displayName) {
    }

    private final AppUserRepository users;
    private final Cache<Long, Optional<Standing>> cache = Caffeine.newBuilder()
            .expireAfterWrite(TIME_TO_LIVE).maximumSize(10_000).build();

    FreshAccess(AppUserRepository users) {
        this.users = users;
    }

    /**
     * No transaction around the cache: every Vaadin request asks, and most find the cached copy, so only a miss reads
     * (the repository's own read-only transaction).
     */
    public Optional<Standing> of(long userId) {
        return cache.get(userId, id -> users.findById(id).map(u -> new Standing(u.role(), u.enabled(), u.displayName())));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onChange(UserAccessChanged change) {
        cache.invalidate(change.userId());
    }
}
