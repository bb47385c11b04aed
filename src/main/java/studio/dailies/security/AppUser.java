package studio.dailies.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "app_users")
class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String username;
    private String displayName;
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private boolean enabled = true;
    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "show_members", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "show_id")
    private Set<Long> showIds = new HashSet<>();

    @Version
    private long version;

    protected AppUser() {
        this.username = "";
        this.displayName = "";
        this.passwordHash = "";
        this.role = Role.ARTIST;
        this.createdAt = Instant.EPOCH;
    }

    AppUser(String username, String displayName, String passwordHash, Role role, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("user is not saved yet");
        }
        return id;
    }

    String username() { return username; }
    String displayName() { return displayName; }
    String passwordHash() { return passwordHash; }
    Role role() { return role; }
    boolean enabled() { return enabled; }
    Set<Long> showIds() { return showIds; }

    void changePasswordHash(String hash) { this.passwordHash = hash; }
    void changeEnabled(boolean enabled) { this.enabled = enabled; }
    void changeDisplayName(String displayName) { this.displayName = displayName; }
    void changeRole(Role role) { this.role = role; }

    void replaceShows(Set<Long> shows) {
        showIds.clear();
        showIds.addAll(shows);
    }

    UserSummary toSummary() {
        return new UserSummary(id(), username, displayName, role, enabled, Set.copyOf(showIds));
    }
}
