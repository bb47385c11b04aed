package studio.dailies.security;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read-only look-ups of people, for labels and pickers. Any logged-in user may use it. */
@Service
@PreAuthorize("isAuthenticated()")
public class UserDirectory {

    private final AppUserRepository users;

    UserDirectory(AppUserRepository users) {
        this.users = users;
    }

    /** Names for many ids in one query, so a grid page never asks once per row. */
    @Transactional(readOnly = true)
    public Map<Long, String> displayNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var names = new HashMap<Long, String>();
        for (Object[] row : users.displayNames(Set.copyOf(ids))) {
            names.put((Long) row[0], (String) row[1]);
        }
        return names;
    }

    @Transactional(readOnly = true)
    public List<UserRef> membersOfShow(long showId, Set<Role> roles) {
        return users.membersOfShow(showId, roles).stream()
                .map(u -> new UserRef(u.id(), u.displayName(), u.role()))
                .toList();
    }

    /**
     * The enabled members of a show with their usernames, by name: the people a note on the show can mention
     * ({@code @username}).
     */
    @Transactional(readOnly = true)
    public List<TeamMember> mentionable(long showId) {
        return users.membersOfShow(showId, java.util.EnumSet.allOf(Role.class)).stream()
                .map(u -> new TeamMember(u.id(), u.username(), u.displayName(), u.role(), u.enabled()))
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean isMemberOfShow(long userId, long showId) {
        return users.showIdsOf(userId).contains(showId);
    }

    /** The show's members in these roles with their usernames, for matching names typed in an imported shot list. */
    @Transactional(readOnly = true)
    public List<TeamMember> membersWithUsernames(long showId, Set<Role> roles) {
        return users.membersOfShow(showId, roles).stream()
                .map(u -> new TeamMember(u.id(), u.username(), u.displayName(), u.role(), u.enabled()))
                .toList();
    }
}
