package studio.dailies.inbox;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import studio.dailies.live.LiveUpdates;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Tells a person's open bells, in this node, that their inbox changed, once the change has committed. Like
 * {@link LiveUpdates}, each bell hears of it on a virtual thread of its own ({@code dailies.live.delivery=PARALLEL}),
 * or on the committing thread (DIRECT, for browserless tests).
 */
@Service
public class InboxLive {

    private static final Logger log = LoggerFactory.getLogger(InboxLive.class);

    private final Map<Long, Set<Runnable>> bells = new ConcurrentHashMap<>();
    private final Executor delivery;

    InboxLive(@Value("${dailies.live.delivery:PARALLEL}") String delivery) {
        this.delivery = "DIRECT".equals(delivery) ? Runnable::run : Executors.newVirtualThreadPerTaskExecutor();
    }

    /** Calls {@code changed} whenever the person's inbox changes, until the handle is closed. */
    public LiveUpdates.Subscription watch(long userId, Runnable changed) {
        bells.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(changed);
        return () -> bells.computeIfPresent(userId, (id, set) -> {
            set.remove(changed);
            return set.isEmpty() ? null : set;
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void changed(InboxChanged event) {
        for (long recipient : event.recipients()) {
            for (var bell : bells.getOrDefault(recipient, Set.of())) {
                try {
                    delivery.execute(() -> ring(bell));
                } catch (RejectedExecutionException shuttingDown) {
                    return;
                }
            }
        }
    }

    private static void ring(Runnable bell) {
        try {
            bell.run();
        } catch (RuntimeException e) {
            log.warn("A notification bell failed to refresh", e);
        }
    }

    @PreDestroy
    void stop() {
        if (delivery instanceof ExecutorService service) {
            service.shutdown();
        }
    }
}
