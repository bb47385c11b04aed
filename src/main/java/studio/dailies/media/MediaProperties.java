package studio.dailies.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/** {@code dailies.media.root}: the directory that holds every stored clip. */
@ConfigurationProperties("dailies.media")
record MediaProperties(@DefaultValue("./data/media") Path root) {
}
