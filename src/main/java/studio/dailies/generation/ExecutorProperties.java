package studio.dailies.generation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code dailies.executor.*}: whether this node runs generation workers, how often an idle worker
 * looks for work, and how often a running job's progress and lease are written back.
 */
@ConfigurationProperties("dailies.executor")
record ExecutorProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollInterval,
                          @DefaultValue("500ms") Duration heartbeatInterval) {
}
