package studio.dailies.generation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code dailies.queue.*}: how often a job is tried, how long to wait before a retry (doubling each
 * time), how long a worker's lease lasts without a heartbeat, and how long one attempt may run.
 */
@ConfigurationProperties("dailies.queue")
record QueueProperties(@DefaultValue("3") int maxAttempts, @DefaultValue("5s") Duration baseBackoff,
                       @DefaultValue("60s") Duration lease, @DefaultValue("15m") Duration jobTimeout) {

    QueueProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("dailies.queue.max-attempts must be at least 1");
        }
        if (baseBackoff.isNegative() || !lease.isPositive() || !jobTimeout.isPositive()) {
            throw new IllegalArgumentException("dailies.queue durations must be positive");
        }
    }
}
