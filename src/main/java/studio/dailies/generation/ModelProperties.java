package studio.dailies.generation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * {@code dailies.models.*}: the directory holding studio models, one subdirectory per model with a
 * {@code model.pt} and a {@code manifest.json} (see docs/torchscript-models.md).
 */
@ConfigurationProperties("dailies.models")
record ModelProperties(@DefaultValue("./data/models") Path root) {
}
