package studio.dailies;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Push
@ColorScheme(ColorScheme.Value.DARK)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@PWA(name = "Dailies", shortName = "Dailies")
public class DailiesApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        // Before DJL is first touched: otherwise its telemetry tries to reach the network at start.
        System.setProperty("ai.djl.offline", "true");
        SpringApplication.run(DailiesApplication.class, args);
    }

    @org.springframework.context.annotation.Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
