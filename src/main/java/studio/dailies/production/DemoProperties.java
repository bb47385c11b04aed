package studio.dailies.production;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code dailies.demo.enabled}: seed the demo show and users into an empty database. */
@ConfigurationProperties("dailies.demo")
record DemoProperties(boolean enabled) {
}
