package studio.dailies.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-show access: a user sees a show only when they are a member of it; admins see all.
 * Services call this after they know which show a thing belongs to.
 * <p>
 * A page asks several times per request, so each person's shows are kept as {@link FreshAccess} keeps their role:
 * a membership change on this node takes effect at once (its event drops the copy), one on another node within
 * {@link FreshAccess#TIME_TO_LIVE}. A writing transaction reads the database, so that it sees its own changes.
 */
@Component("showAccess")
public class ShowAccess {

    private final CurrentUser currentUser;
    private final AppUserRepository users;
    private final Cache<Long, Set<Long>> shows = Caffeine.newBuilder()
            .expireAfterWrite(FreshAccess.TIME_TO_LIVE).maximumSize(10_000).build();
    /** Counts the changes heard, so that a read that started before one is not kept after it. */
    private final AtomicLong changes = new AtomicLong();

    ShowAccess(CurrentUser currentUser, AppUserRepository users) {
        this.currentUser = currentUser;
        this.users = users;
    }

    public boolean canView(long showId) {
        var principal = currentUser.get();
        if (principal.isEmpty()) {
            return false;
        }
        return principal.get().role() == Role.ADMIN || showsOf(principal.get().id()).contains(showId);
    }

    public void checkCanView(long showId) {
        if (!canView(showId)) {
            // Same words whether the show exists or not, so ids cannot be probed.
            throw new AccessDeniedException("You are not a member of this show");
        }
    }

    /** The shows the current user is a member of; {@code null} would be ambiguous, so admins ask {@link #seesAllShows()}. */
    public Set<Long> memberShowIds() {
        return currentUser.get().map(p -> showsOf(p.id())).orElse(Set.of());
    }

    public boolean seesAllShows() {
        return currentUser.hasRole(Role.ADMIN);
    }

    /**
     * Read outside the cache's lock: a check runs inside its caller's transaction, holding a connection, and waiting
     * there for another thread's read (which may wait for a connection itself) could starve the pool. A read that a
     * change overtook is returned but not kept.
     */
    private Set<Long> showsOf(long userId) {
        boolean writing = TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        if (!writing) {
            var kept = shows.getIfPresent(userId);
            if (kept != null) {
                return kept;
            }
        }
        long before = changes.get();
        var read = Set.copyOf(users.showIdsOf(userId));
        if (!writing && changes.get() == before) {
            shows.put(userId, read);
        }
        return read;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onChange(UserAccessChanged change) {
        changes.incrementAndGet();
        shows.invalidate(change.userId());
    }
}
