package studio.dailies.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** Gives every Vaadin session the one error handler. */
@Component
class ErrorHandlerInstaller implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        var handler = new MainErrorHandler();
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(handler));
    }
}
