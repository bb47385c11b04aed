package studio.dailies.review;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.TestVariants;
import studio.dailies.security.NewUser;
import studio.dailies.security.Role;
import studio.dailies.security.SystemUser;
import studio.dailies.security.UserAdminService;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DailiesTest
@Transactional
class ReviewWorkspaceTest {

    @Autowired ReviewWorkspace workspace;
    @Autowired ReviewService review;
    @Autowired TestLogins logins;
    @Autowired UserAdminService users;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void logOut() {
        TestLogins.logout();
    }

    @Test
    void eachTakeStandsWhereItsLatestDecisionLeftIt() {
        long shotId = shotInReview();
        long first = TestVariants.insert(jdbc, shotId, "take", 1, null);
        long second = TestVariants.insert(jdbc, shotId, "take", 2, first);
        logins.as("director");
        review.reject(first, "too dark");
        review.approve(second);

        var byId = workspace.open(shotId).byId();
        assertThat(byId.get(first).standing()).isEqualTo(Standing.REJECTED);
        assertThat(byId.get(first).reason()).isEqualTo("too dark");
        assertThat(byId.get(first).decidedBy()).isEqualTo("Mira Okafor");
        assertThat(byId.get(second).standing()).isEqualTo(Standing.APPROVED);

        review.reopen(shotId);
        assertThat(workspace.open(shotId).byId().get(second).standing()).isEqualTo(Standing.UNDECIDED);
    }

    @Test
    void viewersOfOneChangeShareOneReadButEachIsCheckedForTheShow() {
        long shotId = shotInReview();
        TestVariants.insert(jdbc, shotId, "take", 1, null);
        logins.as("producer");
        var first = workspace.openAfter(shotId, 1_000_001);
        logins.as("artist");
        assertThat(workspace.openAfter(shotId, 1_000_001)).isSameAs(first);
        assertThat(workspace.openAfter(shotId, 1_000_002)).isNotSameAs(first);

        SystemUser.run(() -> users.create(new NewUser("outsider", "Out Sider", Role.ARTIST, "outsider-demo1", Set.of())));
        logins.as("outsider");
        assertThatThrownBy(() -> workspace.openAfter(shotId, 1_000_002)).isInstanceOf(AccessDeniedException.class);
    }

    private long shotInReview() {
        long shotId = jdbc.queryForObject("select id from shots where code = 'EP02_SH070'", Long.class);
        jdbc.update("update shots set status = 'IN_REVIEW' where id = ?", shotId);
        return shotId;
    }
}
