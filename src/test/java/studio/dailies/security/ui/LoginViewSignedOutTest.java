package studio.dailies.security.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import studio.dailies.DailiesTest;

import static org.assertj.core.api.Assertions.assertThat;

@DailiesTest
class LoginViewSignedOutTest extends SpringBrowserlessTest {

    @Test
    @WithAnonymousUser
    void aPersonWhoseAccountWasDisabledIsToldWhyTheyAreHere() {
        com.vaadin.flow.component.UI.getCurrent().navigate("login",
                com.vaadin.flow.router.QueryParameters.of("account", "disabled"));
        var view = (LoginView) getCurrentView();
        assertThat(view.signedOut.isVisible()).isTrue();
        assertThat(view.signedOut.getText()).contains("disabled");
    }

    @Test
    @WithAnonymousUser
    void anOrdinaryVisitSeesNoSuchMessage() {
        var view = navigate("login", LoginView.class);
        assertThat(view.signedOut.isVisible()).isFalse();
    }
}
