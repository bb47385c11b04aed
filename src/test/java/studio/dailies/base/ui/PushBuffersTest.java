package studio.dailies.base.ui;

import jakarta.servlet.ServletContext;
import org.atmosphere.cpr.ApplicationConfig;
import org.atmosphere.cpr.AtmosphereFramework;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/** In a real Tomcat, Vaadin's Atmosphere gives new push connections the small buffers, and Tomcat its own. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class PushBuffersTest {

    @Autowired ServletContext servletContext;

    @Test
    void pushConnectionsAreGivenSmallBuffers() {
        var frameworks = Collections.list(servletContext.getAttributeNames()).stream()
                .map(servletContext::getAttribute)
                .filter(AtmosphereFramework.class::isInstance)
                .map(AtmosphereFramework.class::cast)
                .toList();
        assertThat(frameworks).as("Vaadin's Atmosphere, set up when the context started").isNotEmpty();
        assertThat(frameworks).allSatisfy(atmosphere -> assertThat(atmosphere.getAtmosphereConfig()
                .getInitParameter(ApplicationConfig.WEBSOCKET_BUFFER_SIZE)).isEqualTo(PushBuffers.BUFFER_SIZE));
        assertThat(servletContext.getInitParameter("org.apache.tomcat.websocket.textBufferSize")).isEqualTo("1024");
        assertThat(servletContext.getInitParameter("org.apache.tomcat.websocket.binaryBufferSize")).isEqualTo("1024");
    }
}
