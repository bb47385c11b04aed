package studio.dailies.security.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.security.Role;
import studio.dailies.security.UserAdminService;
import studio.dailies.security.UserSummary;

import static org.assertj.core.api.Assertions.assertThat;

// Browserless tests run the UI on the test thread, so the view's writes join this transaction and roll back.
@DailiesTest
@Transactional
class UserAdminViewTest extends SpringBrowserlessTest {

    @Autowired UserAdminService users;

    @Test
    @WithUserDetails("admin")
    void anAdminSeesEveryUserWithRoleAndShows() {
        var view = navigate(UserAdminView.class);
        var grid = test(view.grid);
        assertThat(grid.size()).isGreaterThanOrEqualTo(5);
        var usernames = java.util.stream.IntStream.range(0, grid.size()).mapToObj(grid::getRow)
                .map(UserSummary::username).toList();
        assertThat(usernames).contains("director", "artist", "producer", "admin");
    }

    @Test
    @WithUserDetails("artist")
    @SuppressWarnings("unchecked")
    void anArtistCannotOpenTheUsersPage() throws ClassNotFoundException {
        // The not-found view is package-private in base.ui; a role must not learn that admin pages exist.
        var notFound = (Class<? extends Component>) Class.forName("studio.dailies.base.ui.RouteNotFoundView");
        navigate("admin/users", notFound);
        assertThat(getCurrentView()).isNotInstanceOf(UserAdminView.class);
    }

    @Test
    @WithUserDetails("admin")
    void aShortPasswordIsMarkedOnTheFieldAndNoUserIsCreated() {
        var view = navigate(UserAdminView.class);
        long before = users.list("", Pageable.ofSize(1)).getTotalElements();
        test($(Button.class, view).all().stream().filter(b -> "New user".equals(b.getText())).findFirst().orElseThrow())
                .click();
        var dialog = $(UserDialog.class).single();
        dialog.username.setValue("newcomer");
        dialog.displayName.setValue("New Comer");
        dialog.role.setValue(Role.ARTIST);
        dialog.password.setValue("short");
        test($(Button.class, dialog).all().stream().filter(b -> "Save".equals(b.getText())).findFirst().orElseThrow())
                .click();
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).isEqualTo("Use at least 10 characters");
        assertThat(users.list("", Pageable.ofSize(1)).getTotalElements()).isEqualTo(before);
    }
}
