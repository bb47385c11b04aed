package studio.dailies.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ui.InPlace;
import studio.dailies.production.ShotDetails;
import studio.dailies.review.ReviewedVariant;
import studio.dailies.review.ShotReview;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The compare stage: a page of takes side by side in synced players, or an A/B wipe of two, with paging,
 * the page size and the wipe's choices above it. The page a viewer is watching stays on screen until they
 * move it: takes that arrive meanwhile are announced ("4 new takes — show them"), and a click on the
 * announcement brings the newest page into view. Cards already on screen are updated in place.
 */
class CompareStage extends Div {

    /** What the clock reports to the page: where it settled, the in and out frames marked, a note marker clicked. */
    interface Transport {
        void clockAt(int frame);

        void markIn(int frame);

        void markOut(int frame);

        void markerClicked(long noteId);
    }

    static final List<Integer> PAGE_SIZES = List.of(2, 3, 4, 6);
    private static final int DEFAULT_PAGE_SIZE = 4;

    final Span pageLabel = new Span();
    final Button previous = new Button("Previous");
    final Button next = new Button("Next");
    final Select<Integer> pageSize = new Select<>();
    final Select<Long> wipeA = new Select<>();
    final Select<Long> wipeB = new Select<>();
    final Button wipe = new Button("Wipe A/B");
    /** Takes that arrived while the viewer watched another page, and the button that shows them. */
    final Button newTakes = new Button();
    final Div players = new Div();
    final Map<Long, VariantCard> cards = new LinkedHashMap<>();
    @Nullable FrameSync sync;

    private final VariantCard.Actions actions;
    private final VariantCard.Overlays overlays;
    private final Transport transport;
    /** The wipe's player while the stage shows a wipe. */
    private @Nullable FramePlayer wipePlayer;
    private @Nullable ShotReview review;
    private VariantCard.@Nullable Permissions permissions;
    /** The takes on screen, in order; kept as they are through live changes until the viewer moves. */
    private List<Long> page = List.of();
    /** Every take this stage has heard of, so that a live change can tell which takes are new. */
    private final Set<Long> known = new HashSet<>();
    /** New takes not yet on screen, in the order they arrived. */
    private final Set<Long> arrived = new LinkedHashSet<>();
    private boolean wiping;
    /** The two takes in the wipe player on screen, A then B; empty when the stage shows a page. */
    private List<Long> wiped = List.of();
    /** Set while the wipe selects get new items, which clears their values until they are put back. */
    private boolean refillingWipe;

    CompareStage(VariantCard.Actions actions, VariantCard.Overlays overlays, Transport transport) {
        this.actions = actions;
        this.overlays = overlays;
        this.transport = transport;
        addClassName("compare-stage");
        setWidthFull();
        players.addClassName("stage-holder");
        players.setWidthFull();
        newTakes.addClassName("new-takes");
        newTakes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        newTakes.setVisible(false);
        newTakes.addClickListener(e -> showNewest());
        add(toolbar(), players);
    }

    private Div toolbar() {
        pageSize.setLabel("Side by side");
        pageSize.setItems(PAGE_SIZES);
        pageSize.setValue(DEFAULT_PAGE_SIZE);
        pageSize.setWidth("8em");
        pageSize.addValueChangeListener(e -> {
            if (review != null) {
                showPage(firstShown());
            }
        });
        previous.addClickListener(e -> turnPage(-1));
        next.addClickListener(e -> turnPage(1));
        for (var select : List.of(wipeA, wipeB)) {
            select.setItemLabelGenerator(id -> "#" + id);
            select.setWidth("7em");
            select.addValueChangeListener(e -> {
                if (wiping && !refillingWipe) {
                    render();
                }
            });
        }
        wipeA.setLabel("Wipe A");
        wipeB.setLabel("Wipe B");
        wipe.addClickListener(e -> {
            wiping = !wiping;
            render();   // back from the wipe, the page that was on screen returns
        });
        // A live region that is always there, so screen readers hear the announcement when it appears.
        var announcement = new Div(newTakes);
        announcement.addClassName("new-takes-announcement");
        announcement.getElement().setAttribute("role", "status");
        var toolbar = new Div(previous, pageLabel, next, pageSize, wipeA, wipeB, wipe, announcement);
        toolbar.addClassName("compare-toolbar");
        return toolbar;
    }

    /** A new shot: a fresh clock at the shot's rate; its newest takes come into view when it is first shown. */
    void open(ShotDetails shot) {
        sync = new FrameSync(shot.fps(), shot.frameCount());
        sync.setWidthFull();
        listen(sync);
        players.removeAll();
        players.add(sync);
        cards.clear();
        known.clear();
        arrived.clear();
        page = List.of();
        wiping = false;
        wiped = List.of();
        review = null;
    }

    /**
     * Shows the shot as it is now. Takes the stage has not seen before are announced, unless nothing is on
     * screen yet; the page being watched, and its players, stay.
     */
    void show(ShotReview review, VariantCard.Permissions permissions) {
        boolean first = this.review == null;
        var before = this.review == null ? null : this.review.variants();
        this.review = review;
        this.permissions = permissions;
        var ids = ids(review.variants());
        var fresh = ids.stream().filter(id -> !known.contains(id)).toList();
        known.addAll(fresh);
        arrived.retainAll(ids);
        if (before == null || !ids.equals(ids(before))) {
            refillWipeChoices(review.variants());
        }
        if (first || (page.isEmpty() && !wiping) || !ids.containsAll(page)) {
            // Nothing is being watched (or it is gone): the newest takes come into view.
            arrived.clear();
            page = newestPage();
        } else {
            arrived.addAll(fresh);
        }
        render();
    }

    /** Brings a take onto the stage and focuses its card, so A and R act on it. */
    void showInCompare(long variantId) {
        var ids = ids(current().variants());
        int index = ids.indexOf(variantId);
        if (index < 0) {
            return;
        }
        wiping = false;
        if (!cards.containsKey(variantId)) {
            showPage(index);
        } else {
            render();
        }
        var card = cards.get(variantId);
        if (card != null) {
            card.getElement().callJsFunction("focus");
            card.getElement().executeJs("this.scrollIntoView({block: 'nearest', behavior: 'smooth'})");
        }
    }

    /** Shows the take and puts every player on the frame (from 0). */
    void showFrame(long variantId, int frame) {
        if (review == null) {
            return;
        }
        if (!cards.containsKey(variantId) && !wiped.contains(variantId)) {
            showInCompare(variantId);
        }
        seek(frame);
    }

    void seek(int frame) {
        Objects.requireNonNull(sync).getElement().callJsFunction("seek", frame);
    }

    /** Shades a range on the transport's scrub bar (frames from 0); -1, -1 for none. */
    void showRange(int start, int end) {
        var element = Objects.requireNonNull(sync).getElement();
        element.setProperty("rangeStart", start);
        element.setProperty("rangeEnd", end);
    }

    /** New note markers for the takes' scrub bars (JSON by take id). */
    void showMarkers(Map<Long, String> markers) {
        cards.forEach((id, card) -> card.player.showMarkers(markers.getOrDefault(id, "[]")));
        if (wipePlayer != null && !wiped.isEmpty()) {
            wipePlayer.showMarkers(markers.getOrDefault(wiped.getFirst(), "[]"));
        }
    }

    /** The clock's reports: debounced while it plays, so that only the frame it settles on reaches the server. */
    private void listen(FrameSync clock) {
        var element = clock.getElement();
        element.addEventListener("frame-changed", e -> transport.clockAt(e.getEventData().get("event.detail.frame").asInt()))
                .addEventData("event.detail.frame").debounce(250);
        element.addEventListener("mark-in", e -> transport.markIn(e.getEventData().get("event.detail.frame").asInt()))
                .addEventData("event.detail.frame");
        element.addEventListener("mark-out", e -> transport.markOut(e.getEventData().get("event.detail.frame").asInt()))
                .addEventData("event.detail.frame");
        element.addEventListener("note-marker", e -> transport.markerClicked(e.getEventData().get("event.detail.note").asLong()))
                .addEventData("event.detail.note");
    }

    /** What the announcement's click does: the newest page, with the takes that arrived on it. */
    void showNewest() {
        wiping = false;
        arrived.clear();
        page = newestPage();
        render();
    }

    private void turnPage(int direction) {
        showPage(firstShown() + direction * pageSize());
    }

    /** A page starting at {@code first}, moved back when it would run past the newest take. */
    private void showPage(int first) {
        var ids = ids(current().variants());
        int start = Math.max(0, Math.min(first, ids.size() - pageSize()));
        page = List.copyOf(ids.subList(start, Math.min(ids.size(), start + pageSize())));
        render();
    }

    private List<Long> newestPage() {
        var ids = ids(current().variants());
        return List.copyOf(ids.subList(Math.max(0, ids.size() - pageSize()), ids.size()));
    }

    private void render() {
        var review = current();
        var sync = Objects.requireNonNull(this.sync);
        arrived.removeAll(page);
        showAnnouncement();
        if (wiping && wipeA.getValue() != null && wipeB.getValue() != null
                && review.find(wipeA.getValue()) != null && review.find(wipeB.getValue()) != null) {
            var pair = List.of(wipeA.getValue(), wipeB.getValue());
            if (!pair.equals(wiped)) {   // a live change to the same two takes leaves the wipe playing
                sync.removeAll();
                cards.clear();
                var a = review.find(pair.get(0)).variant();
                wipePlayer = new FramePlayer(a).wipeWith(review.find(pair.get(1)).variant()).withOverlay(overlays.layerFor(a));
                wipePlayer.showMarkers(overlays.markersOf(a.id()));
                sync.add(wipePlayer);
                sync.getStyle().set("--takes", "1");
                wiped = pair;
            }
            wipe.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            InPlace.text(pageLabel, "Wipe #" + wipeA.getValue() + " | #" + wipeB.getValue());
            InPlace.enabled(previous, false);
            InPlace.enabled(next, false);
            return;
        }
        wiping = false;   // not wiping, or the wipe lost one of its takes: back to the page
        wiped = List.of();
        wipePlayer = null;
        wipe.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var byId = review.byId();
        var status = review.shot().status();
        var permissions = Objects.requireNonNull(this.permissions);
        if (!page.equals(List.copyOf(cards.keySet())) || page.isEmpty()) {
            sync.removeAll();
            cards.clear();
            for (var id : page) {
                var card = new VariantCard(byId.get(id), status, permissions, actions, overlays);
                cards.put(id, card);
                sync.add(card);
            }
            if (page.isEmpty()) {
                sync.add(new Span("No takes yet."));
            }
            sync.getStyle().set("--takes", String.valueOf(Math.max(1, page.size())));
        } else {
            page.forEach(id -> cards.get(id).update(byId.get(id), status, permissions.mayGenerateNow()));
        }
        var all = review.variants();
        int first = firstShown();
        InPlace.text(pageLabel, all.isEmpty() ? "No takes"
                : "Takes " + (first + 1) + "–" + (first + page.size()) + " of " + all.size());
        InPlace.enabled(previous, first > 0);
        InPlace.enabled(next, first + page.size() < all.size());
    }

    private void showAnnouncement() {
        int count = arrived.size();
        newTakes.setVisible(count > 0);
        if (count > 0) {
            InPlace.text(newTakes, count == 1 ? "1 new take — show it" : count + " new takes — show them");
        }
    }

    /** New items clear a select's value; the wipe keeps its two takes while they still exist. */
    private void refillWipeChoices(List<ReviewedVariant> variants) {
        var ids = ids(variants);
        refillingWipe = true;
        try {
            for (var select : List.of(wipeA, wipeB)) {
                var chosen = select.getValue();
                select.setItems(ids);
                if (chosen != null && ids.contains(chosen)) {
                    select.setValue(chosen);
                }
            }
        } finally {
            refillingWipe = false;
        }
    }

    /** Where the page on screen starts among all takes (0 when nothing is on screen). */
    private int firstShown() {
        return page.isEmpty() ? 0 : Math.max(0, ids(current().variants()).indexOf(page.getFirst()));
    }

    private int pageSize() {
        return Objects.requireNonNullElse(pageSize.getValue(), DEFAULT_PAGE_SIZE);
    }

    private ShotReview current() {
        return Objects.requireNonNull(review);
    }

    private static List<Long> ids(List<ReviewedVariant> variants) {
        var ids = new ArrayList<Long>(variants.size());
        variants.forEach(v -> ids.add(v.id()));
        return ids;
    }
}
