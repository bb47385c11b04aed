package studio.dailies.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's shows are kept between requests: a membership change made here takes effect at their next check, a
 * change the application did not make (another node, here a plain SQL write) within the copy's lifetime, and a
 * writing transaction sees its own. Committed for real, as other sessions must see the changes.
 */
@DailiesTest
class ShowAccessTest {

    @Autowired TestLogins logins;
    @Autowired ShowAccess access;
    @Autowired ShowTeamService teams;
    @Autowired UserAdminService users;
    @Autowired ShowCatalog shows;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    private long showId;
    private long fay;

    @BeforeEach
    void fayIsOnNoTeam() {
        logins.as("admin");
        showId = shows.allShows().getFirst().id();
        fay = users.create(new NewUser("fay", "Fay Moreau", Role.ARTIST, "fay-password1", Set.of()));
        TestLogins.logout();
    }

    @AfterEach
    void forgetFay() {
        TestLogins.logout();
        jdbc.update("delete from show_members where user_id = ?", fay);
        jdbc.update("delete from app_users where id = ?", fay);
    }

    @Test
    void joiningAndLeavingATeamTakeEffectAtTheNextCheck() {
        logins.as("fay");
        assertThat(access.canView(showId)).isFalse();

        asProducer(() -> teams.addMember(showId, fay, Role.ARTIST));
        logins.as("fay");
        assertThat(access.canView(showId)).isTrue();
        assertThat(access.memberShowIds()).containsExactly(showId);

        asProducer(() -> teams.removeMember(showId, fay));
        logins.as("fay");
        assertThat(access.canView(showId)).isFalse();
        assertThat(access.memberShowIds()).isEmpty();
    }

    @Test
    void aCheckAnswersFromTheKeptCopyUntilTheApplicationChangesTheTeam() {
        logins.as("fay");
        assertThat(access.canView(showId)).isFalse();
        // Not through the application: no event drops the copy, as with a change made on another node.
        jdbc.update("insert into show_members (show_id, user_id) values (?, ?)", showId, fay);
        assertThat(access.canView(showId)).isFalse();

        asProducer(() -> teams.setRole(showId, fay, Role.DIRECTOR));
        logins.as("fay");
        assertThat(access.canView(showId)).isTrue();
    }

    @Test
    void aWritingTransactionSeesItsOwnMembership() {
        logins.as("fay");
        assertThat(access.canView(showId)).isFalse();
        boolean inside = Boolean.TRUE.equals(transactions.execute(status -> {
            jdbc.update("insert into show_members (show_id, user_id) values (?, ?)", showId, fay);
            boolean seen = access.canView(showId);
            status.setRollbackOnly();
            return seen;
        }));
        assertThat(inside).isTrue();
    }

    private void asProducer(Runnable change) {
        TestLogins.logout();
        logins.as("producer");
        transactions.executeWithoutResult(status -> change.run());
        TestLogins.logout();
    }
}
