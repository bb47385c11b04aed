package studio.dailies.production.ui;

import com.vaadin.flow.component.Component;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Refreshes a view on the kinds of shot change it shows while it is attached. A burst of changes queues one refresh,
 * not one per change: the refresh reads everything again anyway.
 */
final class LiveRefresh {

    private LiveRefresh() {
    }

    static void whileAttached(Component view, LiveUpdates live, Set<ShotChange.Kind> kinds, Runnable refresh) {
        var pending = new AtomicBoolean();
        var subscription = new AtomicReference<LiveUpdates.Subscription>();
        view.addAttachListener(event -> {
            var ui = event.getUI();
            subscription.set(live.subscribeAll(change -> {
                if (kinds.contains(change.kind()) && pending.compareAndSet(false, true)) {
                    ui.access(() -> {
                        pending.set(false);
                        refresh.run();
                    });
                }
            }));
        });
        view.addDetachListener(event -> {
            var current = subscription.getAndSet(null);
            if (current != null) {
                current.close();
            }
        });
    }
}
