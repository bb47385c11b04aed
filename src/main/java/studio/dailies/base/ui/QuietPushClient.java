package studio.dailies.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Vaadin's browser client sets Atmosphere's log level to debug, so every push message, on every open page, formats a
 * date and writes debug lines to the console: about 2 ms of a viewer's main thread per live change in the notes
 * latency benchmark's profile. Info keeps warnings and errors.
 */
@Component
class QuietPushClient implements VaadinServiceInitListener {

    static final String LOG_LEVEL = "logLevel";
    static final String QUIET = "info";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().getPushConfiguration().setParameter(LOG_LEVEL, QUIET));
    }
}
