package studio.dailies.production;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dailies.demo.enabled}: seed the demo show and users into an empty database;
 * {@code dailies.demo.queue-generation}: also queue a job for every demo shot, so the executor fills
 * the show with real variants in the background.
 */
@ConfigurationProperties("dailies.demo")
record DemoProperties(boolean enabled, @DefaultValue("true") boolean queueGeneration,
                      @DefaultValue("4") int variantsPerShot) {
}
