package studio.dailies.base.ui;

import jakarta.servlet.ServletContext;
import org.atmosphere.cpr.ApplicationConfig;
import org.atmosphere.cpr.AtmosphereFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Collections;

/**
 * Every open view holds one push WebSocket, so what each connection allocates is paid once per viewer. Vaadin
 * sets Atmosphere's per-connection buffers to 16 kB (a byte and a char buffer) that Atmosphere only clears on
 * close; the messages themselves are written without them. This gives new connections 1 kB ones. Tomcat's own
 * WebSocket buffers are set in application.properties: with Vaadin's default transport (WebSocket from the
 * server, XHR from the browser) only heartbeats arrive on the socket.
 */
@Component
class PushBuffers {

    static final String BUFFER_SIZE = "1024";
    private static final Logger log = LoggerFactory.getLogger(PushBuffers.class);

    private final ObjectProvider<ServletContext> servletContext;

    PushBuffers(ObjectProvider<ServletContext> servletContext) {
        this.servletContext = servletContext;
    }

    @EventListener(ApplicationStartedEvent.class)
    void shrinkAtmosphereBuffers() {
        var context = servletContext.getIfAvailable();
        if (context == null) {
            return;
        }
        int tuned = 0;
        for (var name : Collections.list(context.getAttributeNames())) {
            // Vaadin initialises Atmosphere for its servlet when the context starts and keeps it in an attribute.
            if (context.getAttribute(name) instanceof AtmosphereFramework atmosphere) {
                atmosphere.addInitParameter(ApplicationConfig.WEBSOCKET_BUFFER_SIZE, BUFFER_SIZE);
                tuned++;
            }
        }
        if (tuned == 0) {
            log.debug("No Atmosphere framework in the servlet context; push keeps Vaadin's buffer sizes");
        }
    }
}
