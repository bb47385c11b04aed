package studio.dailies.inbox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.base.NotFoundException;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.ShowAccess;

import java.time.Clock;
import java.util.Set;

/**
 * A person's own notifications: how many are unread, the latest first, and marking one or all of them read. Only
 * notifications about shows the person may see now are counted and listed; nobody reads another person's inbox.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class InboxService {

    private final NotificationRepository notifications;
    private final CurrentUser currentUser;
    private final ShowAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InboxService(NotificationRepository notifications, CurrentUser currentUser, ShowAccess access,
                 ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return notifications.unread(currentUser.id(), access.seesAllShows(), shows());
    }

    @Transactional(readOnly = true)
    public Page<NotificationView> latest(Pageable pageable) {
        return notifications.latest(currentUser.id(), access.seesAllShows(), shows(), pageable).map(Notification::toView);
    }

    /** Marks one of the current user's notifications read; someone else's is not found. */
    @Transactional
    public void markRead(long notificationId) {
        var me = currentUser.id();
        var notification = notifications.findById(notificationId)
                .filter(n -> n.recipientId() == me)
                .orElseThrow(() -> new NotFoundException("No such notification"));
        notification.read(clock.instant());
        events.publishEvent(new InboxChanged(Set.of(me)));
    }

    @Transactional
    public void markAllRead() {
        var me = currentUser.id();
        notifications.readAll(me, clock.instant());
        events.publishEvent(new InboxChanged(Set.of(me)));
    }

    /** A non-empty list: an empty "in ()" is no portable SQL, and admins' queries ignore it anyway. */
    private Set<Long> shows() {
        var shows = access.memberShowIds();
        return shows.isEmpty() ? Set.of(0L) : shows;
    }
}
