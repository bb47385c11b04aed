package studio.dailies.inbox.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import studio.dailies.base.Pages;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import studio.dailies.base.ui.InPlace;
import studio.dailies.inbox.InboxLive;
import studio.dailies.inbox.InboxService;
import studio.dailies.inbox.NotificationView;
import studio.dailies.live.LiveUpdates;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The bell in the main layout's top bar: the number of unread notifications, kept live, and on a click the latest
 * notifications (a lazy list), each a link to the exact shot, take and frame it is about. Opening one marks it read;
 * "Mark all read" marks the rest.
 */
class NotificationBell extends Div {

    final Button bell = new Button(VaadinIcon.BELL.create());
    final Span count = new Span();
    final Popover popover = new Popover();
    final Button markAll = new Button("Mark all read");
    final VirtualList<NotificationView> list = new VirtualList<>();
    final Span empty = new Span("Nothing here yet. Mentions, replies to your notes, decisions on your shots and"
            + " the jobs you asked for appear here.");
    private final InboxService inbox;
    private final InboxLive live;
    private final long userId;
    private final Clock clock;
    private LiveUpdates.@Nullable Subscription subscription;

    NotificationBell(InboxService inbox, InboxLive live, long userId, Clock clock) {
        this.inbox = inbox;
        this.live = live;
        this.userId = userId;
        this.clock = clock;
        addClassName("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        count.addClassNames("badge", "badge-new", "bell-count");
        count.getElement().setAttribute("aria-hidden", "true");
        add(bell, count);

        popover.setTarget(bell);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.setWidth("26rem");
        popover.addClassName("notification-popover");
        popover.setAriaLabel("Notifications");
        markAll.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        markAll.addClickListener(e -> inbox.markAllRead());
        var all = new Anchor("inbox", "See all");
        all.getElement().setAttribute("router-link", true);
        all.getElement().addEventListener("click", e -> popover.close());
        var header = new Div(new H4("Notifications"), all, markAll);
        header.addClassName("notification-header");
        list.addClassName("notification-list");
        list.setRenderer(new ComponentRenderer<>(this::item));
        list.setDataProvider(DataProvider.fromCallbacks(
                query -> Pages.window(query.getOffset(), query.getLimit(), inbox::latest),
                query -> (int) Math.min(Integer.MAX_VALUE, inbox.latest(PageRequest.of(0, 1)).getTotalElements())));
        empty.addClassName("notification-empty");
        // The list joins the popover when it first opens: a page load pays for the unread count only.
        popover.add(header, empty);
        popover.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                showList();
            }
        });
    }

    /** Reads the unread count again and, if the list is open, the list. */
    void refresh() {
        long unread = inbox.unreadCount();
        InPlace.text(count, unread > 99 ? "99+" : Long.toString(unread));
        count.setVisible(unread > 0);
        bell.setAriaLabel(unread == 0 ? "Notifications, none unread" : "Notifications, " + unread + " unread");
        bell.setTooltipText(unread == 0 ? "Notifications" : unread + " unread");
        markAll.setEnabled(unread > 0);
        if (popover.isOpened()) {
            showList();
        }
    }

    /** The latest notifications, read now, or the line that says there are none yet. */
    private void showList() {
        if (list.getParent().isEmpty()) {
            popover.add(list);
        }
        boolean any = inbox.latest(PageRequest.of(0, 1)).hasContent();
        empty.setVisible(!any);
        list.setVisible(any);
        list.getDataProvider().refreshAll();
    }

    Anchor item(NotificationView notification) {
        var summary = new Span(notification.summary());
        summary.addClassName("notification-summary");
        var when = new Span(ago(notification.createdAt()));
        when.addClassName("notification-when");
        var link = new Anchor(notification.link(), summary, when);
        link.getElement().setAttribute("router-link", true);
        link.addClassName("notification");
        link.getElement().setAttribute("data-notification", String.valueOf(notification.id()));
        if (!notification.read()) {
            link.addClassName("unread");
        }
        link.getElement().addEventListener("click", e -> {
            if (!notification.read()) {
                inbox.markRead(notification.id());
            }
            popover.close();
        });
        return link;
    }

    private String ago(Instant at) {
        var age = Duration.between(at, clock.instant());
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + (age.toDays() == 1 ? " day ago" : " days ago");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        subscription = live.watch(userId, () -> ui.access(this::refresh));
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
