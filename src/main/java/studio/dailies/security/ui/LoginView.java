package studio.dailies.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import jakarta.servlet.http.Cookie;
import org.springframework.beans.factory.annotation.Value;
import studio.dailies.security.FreshAccess;

import java.util.Arrays;
import java.util.List;

@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Dailies")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    final Paragraph signedOut = new Paragraph("Your account has been disabled, so you were signed out."
            + " Ask an admin if you think this is a mistake.");

    LoginView(@Value("${dailies.demo.enabled:false}") boolean demo) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        var i18n = LoginI18n.createDefault();
        var error = new LoginI18n.ErrorMessage();
        // One message for every failure: unknown user, wrong password and disabled account look alike.
        error.setTitle("Those credentials did not work");
        error.setMessage("Check the username and password and try again.");
        i18n.setErrorMessage(error);
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);

        var title = new H1("Dailies");
        title.addClassName("login-title");
        signedOut.addClassName("signed-out");
        signedOut.setVisible(false);
        add(title, new Paragraph("Review studio for generated shots"), signedOut, login);
        if (demo) {
            var hint = new Div();
            hint.addClassName("demo-hint");
            hint.setText("Demo logins: director, artist, producer, admin — passwords in the README.");
            add(hint);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        login.setError(parameters.containsKey("error"));
        boolean disabled = parameters.getOrDefault("account", List.of()).contains("disabled") || signedOutBecauseDisabled();
        signedOut.setVisible(disabled);
    }

    /** The session that ended could not carry the reason, so a short-lived cookie does; it is read once. */
    private static boolean signedOutBecauseDisabled() {
        var request = VaadinRequest.getCurrent();
        if (request == null || request.getCookies() == null) {
            return false;
        }
        boolean found = Arrays.stream(request.getCookies())
                .anyMatch(c -> FreshAccess.SIGNED_OUT_COOKIE.equals(c.getName()) && FreshAccess.DISABLED.equals(c.getValue()));
        var response = VaadinResponse.getCurrent();
        if (found && response != null) {
            var expired = new Cookie(FreshAccess.SIGNED_OUT_COOKIE, "");
            expired.setPath("/");
            expired.setMaxAge(0);
            response.addCookie(expired);
        }
        return found;
    }
}
