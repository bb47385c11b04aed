package studio.dailies.base.ui;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/** In a real Tomcat: the push WebSocket is opened without permessage-deflate, with small Tomcat buffers. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class PushConnectionsTest {

    @LocalServerPort int port;
    @Autowired ServletWebServerApplicationContext context;

    @Test
    void pushHandshakeAcceptsNoCompressionOffered() throws IOException {
        var response = handshake(PushConnections.PUSH_PATH + "?v-r=push&v-uiId=0&X-Atmosphere-Transport=websocket");

        assertThat(response).startsWith("HTTP/1.1 101");
        assertThat(response.toLowerCase()).doesNotContain("sec-websocket-extensions");
    }

    @Test
    void tomcatBuffersAreSmallAndItsCacheOfClosedConnectionsBounded() throws ReflectiveOperationException {
        assertThat(System.getProperty(PushConnections.WEBSOCKET_BUFFER_PROPERTY)).isEqualTo(PushConnections.WEBSOCKET_BUFFER_SIZE);
        // Tomcat reads the property once, into a constant: it was set in time if the constant has it.
        var size = Class.forName("org.apache.tomcat.websocket.Constants").getDeclaredField("DEFAULT_BUFFER_SIZE");
        size.setAccessible(true);
        assertThat(size.getInt(null)).isEqualTo(Integer.parseInt(PushConnections.WEBSOCKET_BUFFER_SIZE));
        var connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(String.valueOf(connector.getProperty("socket.bufferPool"))).isEqualTo(PushConnections.CACHED_CONNECTIONS);
    }

    /** A browser's WebSocket handshake, offering permessage-deflate as Chromium does; the response's head. */
    private String handshake(String path) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var head = new ByteArrayOutputStream();
            var in = socket.getInputStream();
            for (int b; (b = in.read()) >= 0; ) {
                head.write(b);
                if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString(StandardCharsets.US_ASCII);
        }
    }
}
