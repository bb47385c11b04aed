package studio.dailies.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.activity.Activity;
import studio.dailies.activity.ActivityLog;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.NotFoundException;
import studio.dailies.base.Pages;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A show's team: who is a member, and in which role. Every member may see the team; an admin, or a producer
 * who is a member of the show, adds and removes members and sets their role. A producer gives only the
 * production roles (director, artist, producer), never touches an admin, and never changes their own place;
 * a role is the person's role in the studio (DESIGN §1), so the change is audited with the show it came from.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ShowTeamService {

    /** The roles a producer may give. */
    public static final Set<Role> PRODUCER_GIVES = EnumSet.of(Role.DIRECTOR, Role.ARTIST, Role.PRODUCER);

    private final AppUserRepository users;
    private final ShowAccess access;
    private final ShowCatalog shows;
    private final CurrentUser currentUser;
    private final ActivityLog activity;
    private final ApplicationEventPublisher events;

    ShowTeamService(AppUserRepository users, ShowAccess access, ShowCatalog shows, CurrentUser currentUser,
                    ActivityLog activity, ApplicationEventPublisher events) {
        this.users = users;
        this.access = access;
        this.shows = shows;
        this.currentUser = currentUser;
        this.activity = activity;
        this.events = events;
    }

    /** Whether the current user may change this show's team. */
    @Transactional(readOnly = true)
    public boolean canManage(long showId) {
        var me = currentUser.get();
        if (me.isEmpty()) {
            return false;
        }
        return me.get().role() == Role.ADMIN
                || me.get().role() == Role.PRODUCER && users.showIdsOf(me.get().id()).contains(showId);
    }

    /** The roles the current user may give on this show's team. */
    public Set<Role> assignableRoles() {
        return currentUser.hasRole(Role.ADMIN) ? EnumSet.allOf(Role.class) : PRODUCER_GIVES;
    }

    @Transactional(readOnly = true)
    public Page<TeamMember> members(long showId, Pageable pageable) {
        access.checkCanView(showId);
        return users.membersPage(showId, Pages.thenBy(pageable, Sort.by("displayName", "id"))).map(ShowTeamService::member);
    }

    /** People who could join: enabled, not yet members, not admins (who see every show anyway). */
    @Transactional(readOnly = true)
    public List<UserRef> candidates(long showId) {
        checkManage(showId);
        return users.notMembersOf(showId).stream().map(u -> new UserRef(u.id(), u.displayName(), u.role())).toList();
    }

    @Transactional
    public void addMember(long showId, long userId, Role role) {
        checkManage(showId);
        var user = load(userId);
        if (user.showIds().contains(showId)) {
            throw InvalidInputException.of("userId", user.displayName() + " is already on this team");
        }
        checkRoleChange(user, role);
        user.showIds().add(showId);
        audit("team.member-added", showId, user, "as " + role);
        events.publishEvent(new UserAccessChanged(user.id(), UserAccessChanged.Change.SHOWS));
        changeRole(showId, user, role);
    }

    @Transactional
    public void setRole(long showId, long userId, Role role) {
        checkManage(showId);
        var user = loadMember(showId, userId);
        checkRoleChange(user, role);
        changeRole(showId, user, role);
    }

    @Transactional
    public void removeMember(long showId, long userId) {
        checkManage(showId);
        var user = loadMember(showId, userId);
        if (user.id() == currentUser.id() && !currentUser.hasRole(Role.ADMIN)) {
            throw InvalidInputException.of("userId", "You cannot remove yourself from the team; ask an admin");
        }
        user.showIds().remove(showId);
        audit("team.member-removed", showId, user, null);
        events.publishEvent(new UserAccessChanged(user.id(), UserAccessChanged.Change.SHOWS));
    }

    private void changeRole(long showId, AppUser user, Role role) {
        if (user.role() == role) {
            return;
        }
        var before = user.role();
        user.changeRole(role);
        audit("team.role-changed", showId, user, before + " -> " + role);
        events.publishEvent(new UserAccessChanged(user.id(), UserAccessChanged.Change.ROLE));
    }

    private void checkRoleChange(AppUser user, Role role) {
        if (user.role() == role) {
            return;
        }
        if (user.id() == currentUser.id()) {
            throw InvalidInputException.of("role", "You cannot change your own role");
        }
        if (!currentUser.hasRole(Role.ADMIN)) {
            if (user.role() == Role.ADMIN) {
                throw InvalidInputException.of("role", "Only an admin can change an admin's role");
            }
            if (!PRODUCER_GIVES.contains(role)) {
                throw InvalidInputException.of("role", "A producer can make people directors, artists or producers");
            }
        }
    }

    private void checkManage(long showId) {
        if (!canManage(showId)) {
            throw new AccessDeniedException("Only an admin or this show's producer may change its team");
        }
        if (currentUser.hasRole(Role.ADMIN)
                && shows.allShows().stream().noneMatch(show -> show.id() == showId)) {
            throw new NotFoundException("No show with id " + showId);
        }
    }

    private AppUser loadMember(long showId, long userId) {
        var user = load(userId);
        if (!user.showIds().contains(showId)) {
            throw InvalidInputException.of("userId", user.displayName() + " is not on this team");
        }
        return user;
    }

    private AppUser load(long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("No user with id " + userId));
    }

    private static TeamMember member(AppUser user) {
        return new TeamMember(user.id(), user.username(), user.displayName(), user.role(), user.enabled());
    }

    private void audit(String action, long showId, AppUser user, String detail) {
        activity.record(new Activity(currentUser.actorId(), action, "user", user.id(), showId,
                detail == null ? user.username() : user.username() + ": " + detail));
    }
}
