package studio.dailies.generation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * {@code dailies.models.*}: the directory holding studio models, one folder per model with its TorchScript parts
 * and a {@code manifest.json} (docs/studio-models.md), and whether an idle worker loads installed models before
 * their first job asks for them.
 */
@ConfigurationProperties("dailies.models")
record ModelProperties(@DefaultValue("./data/models") Path root, @DefaultValue("true") boolean preload) {
}
