package studio.dailies.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dailies.live.delivery}: PARALLEL hands each open view its change on a virtual thread of its own,
 * so fifty viewers refresh side by side and the thread that committed (often a director's request) does not
 * wait for them. DIRECT calls every view on the publishing thread; browserless tests use it to stay in step.
 */
@ConfigurationProperties("dailies.live")
record LiveProperties(@DefaultValue("PARALLEL") Delivery delivery) {

    enum Delivery { PARALLEL, DIRECT }
}
