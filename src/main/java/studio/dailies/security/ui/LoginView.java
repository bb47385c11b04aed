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
import org.springframework.beans.factory.annotation.Value;

@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Dailies")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

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
        add(title, new Paragraph("Review studio for generated shots"), login);
        if (demo) {
            var hint = new Div();
            hint.addClassName("demo-hint");
            hint.setText("Demo logins: director, artist, producer, admin — passwords in the README.");
            add(hint);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
