package studio.dailies.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.UserAccessChanged;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open browser tabs of each signed-in person on this node, so that an admin's change reaches them by
 * push without waiting for their next click: a disabled person's tabs go to the login page (whose request ends
 * the session, see FreshAccessFilter), and a tab whose person changed role or shows reloads, so it shows what
 * the new role may do. Other nodes' tabs learn it at their next request.
 */
@Component
class OpenSessions implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(OpenSessions.class);
    static final String DISABLED_LOCATION = "login?account=disabled";

    private final CurrentUser currentUser;
    private final Map<Long, Set<UI>> uisByUser = new ConcurrentHashMap<>();

    OpenSessions(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> currentUser.get().ifPresent(user -> register(user.id(), init.getUI())));
    }

    void register(long userId, UI ui) {
        uisByUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(ui);
        ui.addDetachListener(detach -> forget(userId, ui));
    }

    int openTabs(long userId) {
        return uisByUser.getOrDefault(userId, Set.of()).size();
    }

    private void forget(long userId, UI ui) {
        uisByUser.computeIfPresent(userId, (id, uis) -> {
            uis.remove(ui);
            return uis.isEmpty() ? null : uis;
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onAccessChanged(UserAccessChanged change) {
        var uis = uisByUser.getOrDefault(change.userId(), Set.of());
        switch (change.change()) {
            case DISABLED -> uis.forEach(ui -> push(ui, () -> ui.getPage().setLocation(DISABLED_LOCATION)));
            case ROLE, SHOWS -> uis.forEach(ui -> push(ui, () -> ui.getPage().reload()));
            case ENABLED, NAME -> {
                // Nothing to take away; the next request picks up the new name.
            }
        }
    }

    private static void push(UI ui, Runnable command) {
        try {
            ui.access(command::run);
        } catch (RuntimeException closed) {
            // The tab went away meanwhile; its detach listener forgets it.
            log.debug("Could not reach a closed tab", closed);
        }
    }
}
