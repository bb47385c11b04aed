package studio.dailies.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.activity.Activity;
import studio.dailies.activity.ActivityLog;
import studio.dailies.base.InputRules;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.NotFoundException;
import studio.dailies.base.Pages;
import studio.dailies.base.Text;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Users, roles and show membership. Only admins may use it. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class UserAdminService {

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ShowCatalog shows;
    private final InputRules rules;
    private final ActivityLog activity;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAdminService(AppUserRepository users, PasswordEncoder passwordEncoder, ShowCatalog shows, InputRules rules,
                     ActivityLog activity, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.shows = shows;
        this.rules = rules;
        this.activity = activity;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<UserSummary> list(String filter, Pageable pageable) {
        return users.search(filter.trim().toLowerCase(Locale.ROOT), Pages.thenBy(pageable, Sort.by("username")))
                .map(AppUser::toSummary);
    }

    @Transactional
    public long create(NewUser raw) {
        var input = raw.cleaned();
        var check = rules.check(input);
        if (!check.hasError("username")) {
            check.rejectIf(users.existsByUsernameIgnoreCase(input.username()), "username", "This username is taken");
        }
        PasswordRules.check(check, "password", input.password());
        checkShows(check, input.showIds());
        check.throwIfInvalid();

        var user = new AppUser(input.username(), input.displayName(), passwordEncoder.encode(input.password()),
                input.role(), clock.instant());
        user.replaceShows(input.showIds());
        var saved = users.save(user);
        audit("user.created", saved, "role " + input.role() + ", shows " + input.showIds());
        return saved.id();
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        var user = load(userId);
        if (!enabled && user.id() == currentUser.id()) {
            throw InvalidInputException.of("enabled", "You cannot disable your own account");
        }
        if (!enabled && user.role() == Role.ADMIN && users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
            throw InvalidInputException.of("enabled", "The last active admin cannot be disabled");
        }
        if (user.enabled() == enabled) {
            return;
        }
        user.changeEnabled(enabled);
        audit(enabled ? "user.enabled" : "user.disabled", user, null);
        events.publishEvent(new UserAccessChanged(user.id(),
                enabled ? UserAccessChanged.Change.ENABLED : UserAccessChanged.Change.DISABLED));
    }

    @Transactional
    public void resetPassword(long userId, String newPassword) {
        var user = load(userId);
        var check = rules.check();
        PasswordRules.check(check, "password", newPassword);
        check.throwIfInvalid();
        user.changePasswordHash(passwordEncoder.encode(newPassword));
        audit("user.password-reset", user, null);
    }

    @Transactional
    public void updateAccess(long userId, String displayName, Role role, Set<Long> showIds) {
        var user = load(userId);
        var check = rules.check();
        var name = Text.clean(displayName);
        check.rejectIf(name.isEmpty(), "displayName", "Enter the person's name")
             .rejectIf(name.length() > NewUser.DISPLAY_NAME_MAX, "displayName",
                     "At most " + NewUser.DISPLAY_NAME_MAX + " characters");
        Text.check(check, "displayName", name, Text.Lines.SINGLE);
        checkShows(check, showIds);
        if (user.id() == currentUser.id() && role != Role.ADMIN) {
            check.reject("role", "You cannot take the admin role from yourself");
        }
        check.throwIfInvalid();
        var before = user.role() + " " + user.showIds();
        var changes = new ArrayList<UserAccessChanged.Change>();
        if (!name.equals(user.displayName())) {
            changes.add(UserAccessChanged.Change.NAME);
        }
        if (role != user.role()) {
            changes.add(UserAccessChanged.Change.ROLE);
        }
        if (!user.showIds().equals(showIds)) {
            changes.add(UserAccessChanged.Change.SHOWS);
        }
        user.changeDisplayName(name);
        user.changeRole(role);
        user.replaceShows(new HashSet<>(showIds));
        audit("user.access-changed", user, before + " -> " + role + " " + showIds);
        changes.forEach(change -> events.publishEvent(new UserAccessChanged(user.id(), change)));
    }

    private void checkShows(InputRules.Check check, Set<Long> showIds) {
        var known = shows.allShows().stream().map(ShowCatalog.ShowRef::id).collect(Collectors.toSet());
        check.rejectIf(!known.containsAll(showIds), "showIds", "One of the chosen shows does not exist");
    }

    private AppUser load(long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("No user with id " + userId));
    }

    private void audit(String action, AppUser user, String detail) {
        activity.record(new Activity(currentUser.actorId(), action, "user",
                user.id(), null, detail == null ? user.username() : user.username() + ": " + detail));
    }
}
