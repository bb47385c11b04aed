package studio.dailies;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the whole application on an H2 file database and media store in a folder, as a user's
 * {@code ./data}, so a test can stop it and start it again. No background generation: these tests
 * look at the data themselves. The static security strategy it installs is put back for the next
 * Spring test by {@link SecurityStrategyTestExecutionListener}.
 */
public final class FileBackedApp {

    private FileBackedApp() {
    }

    public static ConfigurableApplicationContext start(Path dataDir, String... extraArguments) {
        var arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("dailies").toAbsolutePath(),
                "--dailies.media.root=" + dataDir.resolve("media").toAbsolutePath(),
                "--vaadin.devmode.usageStatistics.enabled=false",
                "--dailies.demo.queue-generation=false",
                "--dailies.executor.enabled=false"));
        // An extra argument replaces the default of the same name (Spring would join both into a list).
        for (var extra : extraArguments) {
            var name = extra.substring(0, extra.indexOf('=') + 1);
            arguments.removeIf(argument -> argument.startsWith(name));
            arguments.add(extra);
        }
        return new SpringApplicationBuilder(DailiesApplication.class).run(arguments.toArray(String[]::new));
    }
}
