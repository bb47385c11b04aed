package studio.dailies.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import studio.dailies.base.ConcurrentChangeException;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.NotFoundException;
import studio.dailies.base.NotNowException;

import java.io.Serial;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one place where an error that a view did not handle itself reaches the user: every UI action that
 * fails ends here, so nothing fails silently and the user is told what is true. Expected refusals (a rule,
 * a concurrent change, lost rights) are told in their own words; anything else is logged with a reference
 * the user can quote, and the user is told that the action did not go through.
 */
public final class MainErrorHandler implements ErrorHandler {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(MainErrorHandler.class);

    /** What the user is told, and how loudly. */
    public record Message(String text, boolean unexpected) {
    }

    @Override
    public void error(ErrorEvent event) {
        if (clientIsGone(event.getThrowable())) {
            // The tab was closed while its answer was being written: nobody is left to tell, and nothing failed.
            log.debug("A browser went away during a UI action", event.getThrowable());
            return;
        }
        var message = describe(event.getThrowable());
        if (UI.getCurrent() != null) {
            var notification = Notification.show(message.text(), message.unexpected() ? 0 : 6000,
                    Notification.Position.MIDDLE);
            notification.addThemeVariants(message.unexpected() ? NotificationVariant.LUMO_ERROR
                    : NotificationVariant.LUMO_WARNING);
            if (message.unexpected()) {
                // A sticky message must be closable.
                notification.getElement().addEventListener("click", e -> notification.close());
            }
        }
    }

    /** Chooses the words for a failure, and logs it as it deserves. */
    public static Message describe(Throwable thrown) {
        var known = knownCause(thrown);
        if (known instanceof InvalidInputException invalid) {
            return new Message(String.join(" ", invalid.fieldErrors().values()), false);
        }
        if (known instanceof ConcurrentChangeException || known instanceof NotNowException) {
            return new Message(known.getMessage() + ".".repeat(known.getMessage().endsWith(".") ? 0 : 1)
                    + " Reload the page to see what is true now.", false);
        }
        if (known instanceof NotFoundException) {
            return new Message("What you acted on no longer exists. Reload the page to see what is there now.", false);
        }
        if (known instanceof AccessDeniedException) {
            log.info("Refused a UI action: {}", known.getMessage());
            return new Message("You may not do this (any more). Your role or your shows may have changed;"
                    + " reload the page to see what you can do now.", false);
        }
        var reference = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).toUpperCase();
        log.error("Unexpected error in a UI action, reference {}", reference, thrown);
        return new Message("Dailies could not do this because of a problem on the server, so it did not happen."
                + " Try again in a moment; if it keeps failing, tell an admin the reference " + reference + ".", true);
    }

    /** Tomcat's {@code ClientAbortException} (by name: base does not depend on the servlet container), or a reset pipe. */
    public static boolean clientIsGone(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t.getClass().getName().endsWith(".ClientAbortException")
                    || t instanceof java.io.IOException && t.getMessage() != null
                    && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Vaadin wraps a listener's exception; look through the causes for one of ours. */
    private static Throwable knownCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException || t instanceof ConcurrentChangeException || t instanceof NotNowException
                    || t instanceof NotFoundException || t instanceof AccessDeniedException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return thrown;
    }
}
