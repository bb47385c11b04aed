package studio.dailies.generation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the queue tests add to the application: a clock they can move, a listener that records the
 * queue's events as a consumer sees them (after commit), and a shared security-context strategy.
 * Only the queue tests' own context imports them (see {@link QueueContext}), so other tests keep the
 * real clock. Deliberately not a {@code @TestConfiguration}: the restart tests start plain applications,
 * whose component scan would pick one up.
 */
class QueueTestSupport {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(Instant.now());
    }

    /**
     * Each application context installs its own security-context strategy in the static holder, and
     * its method security reads only its own. Left alone, this second cached context would take the
     * holder from the shared test context, and every later test logging in through it would find
     * nobody logged in. So this context adopts the strategy in place when it starts, and
     * {@link QueueTestBase} puts it in the holder only for the length of each queue test.
     */
    @Bean
    @Primary
    SecurityContextHolderStrategy adoptedSecurityContextHolderStrategy() {
        return SecurityContextHolder.getContextHolderStrategy();
    }

    @Bean
    CommittedEvents committedEvents() {
        return new CommittedEvents();
    }

    /** Events delivered after their transaction committed, in order. */
    static class CommittedEvents {

        private final List<Object> seen = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(JobQueued event) {
            seen.add(event);
        }

        @TransactionalEventListener
        void on(JobFinished event) {
            seen.add(event);
        }

        @TransactionalEventListener
        void on(QueueSteered event) {
            seen.add(event);
        }

        List<Object> seen() {
            return List.copyOf(seen);
        }

        void clear() {
            seen.clear();
        }
    }
}
