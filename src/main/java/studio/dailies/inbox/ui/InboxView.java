package studio.dailies.inbox.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import studio.dailies.inbox.InboxLive;
import studio.dailies.inbox.InboxService;
import studio.dailies.inbox.NotificationView;
import studio.dailies.live.LiveUpdates;
import studio.dailies.security.CurrentUser;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

/**
 * Every notification of the signed-in person, newest first (a lazy grid), each a link to its shot, take and frame;
 * the bell shows the latest and links here.
 */
@Route("inbox")
@PageTitle("Notifications · Dailies")
@PermitAll
class InboxView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    final Grid<NotificationView> grid = new Grid<>();
    final Button markAll = new Button("Mark all read");
    private final InboxService inbox;
    private final InboxLive live;
    private final CurrentUser currentUser;
    private LiveUpdates.@Nullable Subscription subscription;

    InboxView(InboxService inbox, InboxLive live, CurrentUser currentUser) {
        this.inbox = inbox;
        this.live = live;
        this.currentUser = currentUser;
        setSizeFull();
        var zone = ZoneId.systemDefault();
        grid.addColumn(n -> WHEN.format(n.createdAt().atZone(zone))).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(n -> {
            var link = new Anchor(n.link(), n.summary());
            link.getElement().setAttribute("router-link", true);
            link.getElement().addEventListener("click", e -> {
                if (!n.read()) {
                    inbox.markRead(n.id());
                }
            });
            return link;
        }).setHeader("What").setFlexGrow(1);
        grid.addColumn(n -> n.read() ? "" : "unread").setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(n -> n.read() ? null : "unread");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("Nothing here yet. Mentions, replies to your notes, decisions on your shots and the jobs"
                + " you asked for appear here.");
        grid.setItems(query -> inbox.latest(toSpringPageRequest(query)).stream());
        grid.setSizeFull();
        markAll.addClickListener(e -> inbox.markAllRead());
        var header = new HorizontalLayout(new H2("Notifications"), markAll);
        header.setAlignItems(Alignment.BASELINE);
        add(header, grid);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        subscription = live.watch(currentUser.id(), () -> ui.access(() -> grid.getDataProvider().refreshAll()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
