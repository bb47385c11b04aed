package studio.dailies.production;

import org.springframework.context.ApplicationContext;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Removes the episode packages tests built. The folder comes from the bound properties, not from the property text:
 * under the test profile it contains {@code ${random.uuid}}, which names a new folder each time it is read.
 */
public final class BuiltPackages {

    private BuiltPackages() {
    }

    public static void clear(ApplicationContext context) throws IOException {
        var root = context.getBean(DeliveryProperties.class).root();
        if (Files.isDirectory(root)) {
            try (var built = Files.list(root)) {
                for (var file : built.toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
