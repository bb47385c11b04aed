package studio.dailies.base.ui;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * What each open view's push WebSocket costs the server. Every viewer holds one for as long as its page is
 * open, so per-connection buffers are paid once per viewer (see {@link PushBuffers} for Atmosphere's):
 * <ul>
 * <li>Tomcat gives every WebSocket an input, an output and an encoder buffer of 8 kB, settable only as a
 * system property. Push messages from the server are a few kB and the browser sends only heartbeats on it,
 * so 2 kB buffers suffice; longer messages go out in several frames.</li>
 * <li>permessage-deflate costs each connection a zlib deflater and inflater (about 24 kB of heap and far
 * more native memory) and the server CPU to compress every message for every viewer, to save a few hundred
 * bytes on the local network. Tomcat has no switch for it and Atmosphere's endpoint configurator offers the
 * extension, so the push handshake is shown to Tomcat without the browser's offer.</li>
 * <li>Tomcat caches the buffers of closed connections for reuse, by default up to a share of the heap. A
 * viewer loads a shot's frames over several connections that close once idle, so the cache grew with every
 * viewer. It is bounded to a fixed number of connections.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class PushConnections {

    static final String WEBSOCKET_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";
    static final String WEBSOCKET_BUFFER_SIZE = "2048";
    static final String CACHED_CONNECTIONS = "32";
    static final String EXTENSIONS_HEADER = "Sec-WebSocket-Extensions";
    static final String PUSH_PATH = "/VAADIN/push";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallerPushConnections() {
        return factory -> {
            // Read once, when Tomcat's WebSocket support first loads; an operator's -D setting wins.
            if (System.getProperty(WEBSOCKET_BUFFER_PROPERTY) == null) {
                System.setProperty(WEBSOCKET_BUFFER_PROPERTY, WEBSOCKET_BUFFER_SIZE);
            }
            factory.addConnectorCustomizers(connector -> connector.setProperty("socket.bufferPool", CACHED_CONNECTIONS));
        };
    }

    @Bean
    FilterRegistrationBean<Filter> pushWithoutCompression() {
        var registration = new FilterRegistrationBean<Filter>(PushConnections::withoutExtensionOffer);
        registration.addUrlPatterns(PUSH_PATH, PUSH_PATH + "/*");
        registration.setName("pushWithoutCompression");
        return registration;
    }

    private static void withoutExtensionOffer(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && http.getHeader(EXTENSIONS_HEADER) != null) {
            request = new WithoutExtensionOffer(http);
        }
        chain.doFilter(request, response);
    }

    /** The handshake as Tomcat's WebSocket filter (which runs after ours) then sees it: no extensions offered. */
    private static final class WithoutExtensionOffer extends HttpServletRequestWrapper {

        WithoutExtensionOffer(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getHeader(String name) {
            return EXTENSIONS_HEADER.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return EXTENSIONS_HEADER.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(header -> !EXTENSIONS_HEADER.equalsIgnoreCase(header)).toList());
        }
    }
}
