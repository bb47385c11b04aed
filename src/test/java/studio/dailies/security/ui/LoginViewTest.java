package studio.dailies.security.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import studio.dailies.DailiesTest;

import static org.assertj.core.api.Assertions.assertThat;

@DailiesTest
class LoginViewTest extends SpringBrowserlessTest {

    @Test
    @WithAnonymousUser
    void aFailedLoginShowsTheErrorOnTheForm() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        var form = $(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
    }

    @Test
    @WithAnonymousUser
    void theLoginPageStartsWithoutAnError() {
        navigate(LoginView.class);
        assertThat($(LoginForm.class).single().isError()).isFalse();
    }
}
