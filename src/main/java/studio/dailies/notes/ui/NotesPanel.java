package studio.dailies.notes.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.jspecify.annotations.Nullable;
import studio.dailies.generation.VariantSummary;
import studio.dailies.live.LiveUpdates;
import studio.dailies.notes.FrameDrawing;
import studio.dailies.notes.NoteDraft;
import studio.dailies.notes.NoteExports;
import studio.dailies.notes.NotesAfterChange;
import studio.dailies.notes.NoteFilter;
import studio.dailies.notes.NoteMarker;
import studio.dailies.notes.NoteReads;
import studio.dailies.notes.NoteService;
import studio.dailies.notes.NoteThread;
import studio.dailies.notes.NoteView;
import studio.dailies.production.ShotDetails;
import studio.dailies.security.TeamMember;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The notes panel beside the players: a shot's threads (a lazy list, open ones by default), the thread the viewer
 * went to, the composer for a new note, reply or edit, and the shot's exports. It keeps each take's drawings on the
 * annotation layers of the players that show the take, and hands the page the markers of every take's scrub bar.
 * It knows the page around it only through {@link Page}, so that notes need nothing from review.
 */
public class NotesPanel extends Div implements NoteCard.Actions, NoteComposer.Host {

    /** What the panel asks of the shot page around it. */
    public interface Page {
        /** Brings the take onto the stage and shows the frame (from 0) in every player. */
        void showFrame(long variantId, int frame);

        /** Shades a range (frames from 0) on the transport's scrub bar; -1, -1 for none. */
        void showRange(int start, int end);

        /** The markers of each take's scrub bar changed (JSON for the player, by take id). */
        void markersChanged(Map<Long, String> markersByTake);

        /** Opens the prompt editor on the note's take with the note as a prompt edit. */
        void useInRegenerate(NoteView note);
    }

    /** Who is looking, and what they may do here. */
    public record Viewer(long userId, boolean writer, boolean mayGenerate) {
    }

    final H3 title = new H3("Notes");
    final Select<NoteFilter.State> state = new Select<>();
    final Checkbox onion = new Checkbox("Onion skin");
    final Anchor csv = new Anchor();
    final Anchor pdf = new Anchor();
    final Div focused = new Div();
    final Span count = new Span();
    final VirtualList<NoteThread> list = new VirtualList<>();
    @Nullable NoteComposer composer;

    private final NoteService notes;
    private final NoteReads reads;
    private final NoteExports exports;
    private final LiveUpdates live;
    private final Page page;
    private final ZoneId zone;
    private @Nullable ShotDetails shot;
    private Viewer viewer = new Viewer(0, false, false);
    private List<VariantSummary> takes = List.of();
    private @Nullable List<TeamMember> members;
    private @Nullable Long focusedNote;
    /** The annotation layers on the page, by take: every player that shows a take shows its drawings. */
    private final Map<Long, List<AnnotationLayer>> layers = new HashMap<>();
    private Map<Long, String> markers = Map.of();
    /** Takes whose players attached in this round trip and still need their drawings. */
    private final Set<Long> drawingsDue = new HashSet<>();
    /** The read this page shares with the shot's other open pages, since the last live change of its notes. */
    @Nullable NotesAfterChange shared;
    /**
     * The last change published before this page last read its notes on its own: its read already shows that
     * change and every earlier one (the page's own write, heard again live, is not drawn twice).
     */
    private long shownAsOf = -1;

    public NotesPanel(NoteService notes, NoteReads reads, NoteExports exports, LiveUpdates live, Page page, ZoneId zone) {
        this.notes = notes;
        this.live = live;
        this.reads = reads;
        this.exports = exports;
        this.page = page;
        this.zone = zone;
        addClassName("notes-panel");
        state.setAriaLabel("Which notes");
        state.setItems(NoteFilter.State.values());
        state.setItemLabelGenerator(NoteFilter.State::label);
        state.setValue(NoteFilter.State.OPEN);
        state.setWidth("8em");
        state.addValueChangeListener(e -> list.getDataProvider().refreshAll());
        onion.setTooltipText("Show the drawings of the two frames before and after, faded");
        onion.addValueChangeListener(e -> layers.values().forEach(all -> all.forEach(l -> l.setOnion(e.getValue()))));
        csv.setText("CSV");
        pdf.setText("PDF");
        csv.getElement().setAttribute("download", true);
        pdf.getElement().setAttribute("download", true);
        var exportLinks = new Span(new Span("Export "), csv, new Span(" · "), pdf);
        exportLinks.addClassName("note-exports");
        var head = new Div(title, count, state, onion, exportLinks);
        head.addClassName("notes-head");
        focused.addClassName("focused-note");
        focused.setVisible(false);
        list.addClassName("note-list");
        list.setRenderer(NoteCards.renderer(this::permissions, this, zone));
        list.setPlaceholderItem(NoteCards.PLACEHOLDER);
        list.setDataProvider(DataProvider.fromCallbacks(
                query -> shot == null ? java.util.stream.Stream.empty()
                        : studio.dailies.base.Pages.window(query.getOffset(), query.getLimit(),
                                pageable -> shared != null ? shared.threads(filter(), pageable)
                                        : reads.threads(shot.id(), filter(), pageable)),
                query -> shot == null ? 0 : countThreads()));
        add(head, focused, list);
    }

    /** A new shot: its threads, exports and composer for this viewer. */
    public void open(ShotDetails opened, Viewer who) {
        this.shot = opened;
        this.viewer = who;
        this.members = null;
        this.shared = null;
        this.shownAsOf = -1;
        this.focusedNote = null;
        focused.removeAll();
        focused.setVisible(false);
        layers.clear();
        markers = Map.of();
        var code = opened.code();
        csv.setHref((DownloadHandler) event -> download(event, NoteExports.Format.CSV, code));
        pdf.setHref((DownloadHandler) event -> download(event, NoteExports.Format.PDF, code));
        if (who.writer() && composer == null) {
            composer = new NoteComposer(this, this::members);
            addComponentAtIndex(1, composer);
        } else if (!who.writer() && composer != null) {
            remove(composer);
            composer = null;
        }
        if (composer != null) {
            composer.stopDrawing();
            composer.startNew();
        }
        // The page hands over the takes and then calls refresh(), once, when it first shows the shot.
    }

    private void download(com.vaadin.flow.server.streams.DownloadEvent event, NoteExports.Format format, String code) {
        var shotId = Objects.requireNonNull(shot).id();
        event.setFileName(exports.fileName(code, format));
        event.setContentType(format == NoteExports.Format.CSV ? "text/csv; charset=UTF-8" : "application/pdf");
        exports.shot(shotId, format, event.getOutputStream());
    }

    /** The shot's takes as they are now (for the composer, and for the take that answered a note). */
    public void showTakes(List<VariantSummary> all) {
        this.takes = all;
        if (composer != null) {
            composer.takes(all);
        }
    }

    /**
     * A layer for one player of a take, showing the take's drawings; it leaves the panel's care when its player
     * leaves the page.
     */
    public Component layerFor(VariantSummary take) {
        var layer = new AnnotationLayer(take);
        layer.setOnion(onion.getValue());
        layer.addAttachListener(e -> {
            layers.computeIfAbsent(layer.variantId(), id -> new ArrayList<>()).add(layer);
            // Players attach one by one; their drawings are read once, together, before the answer goes out.
            if (drawingsDue.add(layer.variantId()) && drawingsDue.size() == 1) {
                e.getUI().beforeClientResponse(this, context -> {
                    var due = List.copyOf(drawingsDue);
                    drawingsDue.clear();
                    showDrawings(due);
                });
            }
        });
        layer.addDetachListener(e -> {
            var all = layers.get(layer.variantId());
            if (all != null) {
                all.remove(layer);
                if (all.isEmpty()) {
                    layers.remove(layer.variantId());
                }
            }
            if (composer != null) {
                composer.layerGone(layer);
            }
        });
        return layer;
    }

    /** The clock settled on a frame (from 0). */
    public void clockAt(int frame) {
        if (composer != null) {
            composer.follow(frame);
        }
    }

    public void markIn(int frame) {
        if (composer != null) {
            composer.markIn(frame);
        }
    }

    public void markOut(int frame) {
        if (composer != null) {
            composer.markOut(frame);
        }
    }

    /** The viewer used this take's player: a new note goes on it. */
    public void chooseTake(long variantId) {
        if (composer != null) {
            composer.chooseTake(variantId);
        }
    }

    /** Shows a thread on its own above the list (a marker was clicked, or a link named it). */
    public void focus(long noteId) {
        focusedNote = noteId;
        showFocused();
    }

    /** The thread shown on its own above the list, if any. */
    public @Nullable Long focusedNote() {
        return focusedNote;
    }

    /** Reads what changed: the list, the thread in focus, the markers and the drawings. */
    public void refresh() {
        shared = null;
        shownAsOf = live.lastSequence();
        show();
    }

    /**
     * Reads what someone else's live change {@code sequence} changed, sharing the read with the shot's other open
     * pages that heard of it.
     */
    public void refreshAfter(long sequence) {
        if (shot == null || sequence <= shownAsOf) {
            return;
        }
        shared = reads.afterChange(shot.id(), sequence);
        show();
    }

    private void show() {
        if (shot == null) {
            return;
        }
        list.getDataProvider().refreshAll();
        showFocused();
        var byTake = new LinkedHashMap<Long, List<NoteMarker>>();
        takes.forEach(take -> byTake.put(take.id(), new ArrayList<>()));
        for (var marker : shared != null ? shared.markers() : reads.markers(shot.id())) {
            byTake.computeIfAbsent(marker.variantId(), id -> new ArrayList<>()).add(marker);
        }
        var json = new HashMap<Long, String>();
        byTake.forEach((take, list) -> json.put(take, markersJson(list)));
        if (!json.equals(markers)) {
            markers = json;
            page.markersChanged(json);
        }
        showDrawings(layers.keySet());
    }

    /** The markers JSON of one take's scrub bar, as last read. */
    public String markersOf(long variantId) {
        return markers.getOrDefault(variantId, "[]");
    }

    private void showDrawings(Collection<Long> takeIds) {
        if (shot == null || takeIds.isEmpty()) {
            return;
        }
        var byTake = new HashMap<Long, List<FrameDrawing>>();
        var read = shared != null ? shared.drawings(takeIds) : reads.drawings(shot.id(), List.copyOf(takeIds));
        for (var drawing : read) {
            byTake.computeIfAbsent(drawing.variantId(), id -> new ArrayList<>()).add(drawing);
        }
        for (var take : List.copyOf(takeIds)) {
            var json = drawingsJson(byTake.getOrDefault(take, List.of()));
            layers.getOrDefault(take, List.of()).forEach(layer -> layer.showDrawings(json));
        }
    }

    private void showFocused() {
        focused.removeAll();
        if (focusedNote == null) {
            focused.setVisible(false);
            return;
        }
        var thread = reads.thread(focusedNote);
        focused.add(new NoteCard(thread, permissions(), this, zone));
        var close = new com.vaadin.flow.component.button.Button("Close", e -> {
            focusedNote = null;
            showFocused();
        });
        close.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL,
                com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        focused.add(close);
        focused.setVisible(true);
    }

    private NoteFilter filter() {
        return new NoteFilter(null, Objects.requireNonNullElse(state.getValue(), NoteFilter.State.OPEN));
    }

    private int countThreads() {
        long total = shared != null ? shared.threadCount(filter())
                : reads.threadCount(Objects.requireNonNull(shot).id(), filter());
        count.setText(total == 1 ? "1 thread" : total + " threads");
        list.getElement().setAttribute("aria-label", count.getText());
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    private List<TeamMember> members() {
        if (members == null) {
            members = reads.mentionable(Objects.requireNonNull(shot).id());
        }
        return members;
    }

    private NoteCard.Permissions permissions() {
        return new NoteCard.Permissions(viewer.userId(), viewer.writer(), viewer.mayGenerate());
    }

    // --- what the cards ask for ---

    @Override
    public void show(NoteView note) {
        page.showFrame(note.variantId(), note.frameStart());
    }

    @Override
    public void reply(NoteThread thread) {
        if (composer != null) {
            composer.startReply(thread.root());
        }
    }

    @Override
    public void edit(NoteView note) {
        if (composer != null) {
            composer.startEdit(note);
        }
    }

    @Override
    public void delete(NoteView note) {
        var confirm = new ConfirmDialog("Delete note #" + note.id() + "?",
                "Its text will no longer be shown; replies to it stay.", "Delete", e -> {
                    notes.delete(note.id());
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    @Override
    public void resolve(NoteThread thread) {
        new ResolveDialog(thread.root(), takes, answer -> {
            notes.resolve(thread.id(), answer);
            refresh();
        }).open();
    }

    @Override
    public void reopen(NoteThread thread) {
        notes.reopen(thread.id());
        refresh();
    }

    @Override
    public void useInRegenerate(NoteView note) {
        page.useInRegenerate(note);
    }

    // --- what the composer asks for ---

    @Override
    public @Nullable AnnotationLayer layerToDrawOn(long variantId, int frame) {
        var shown = layers.get(variantId);
        if (shown == null || shown.isEmpty()) {
            page.showFrame(variantId, frame);
            shown = layers.get(variantId);
        } else {
            page.showFrame(variantId, frame);
        }
        return shown == null || shown.isEmpty() ? null : shown.getFirst();
    }

    @Override
    public void showRange(int start, int end) {
        page.showRange(start, end);
    }

    @Override
    public long addNote(NoteDraft draft) {
        return notes.add(draft);
    }

    @Override
    public void reply(long threadId, String text) {
        notes.reply(threadId, text);
    }

    @Override
    public void edit(long noteId, long version, String text) {
        notes.edit(noteId, version, text);
    }

    @Override
    public void written(long noteId) {
        refresh();
    }

    static String markersJson(List<NoteMarker> markers) {
        var json = new StringBuilder("[");
        for (var m : markers) {
            json.append(json.length() > 1 ? "," : "").append("{\"note\":").append(m.noteId())
                    .append(",\"start\":").append(m.frameStart()).append(",\"end\":").append(m.frameEnd())
                    .append(",\"resolved\":").append(m.resolved()).append(",\"drawn\":").append(m.drawn()).append('}');
        }
        return json.append(']').toString();
    }

    /** The layer's JSON: each drawing's note and frames, with its strokes as stored (canonical JSON). */
    static String drawingsJson(List<FrameDrawing> drawings) {
        var json = new StringBuilder("[");
        for (var d : drawings) {
            json.append(json.length() > 1 ? "," : "").append("{\"note\":").append(d.noteId())
                    .append(",\"start\":").append(d.frameStart()).append(",\"end\":").append(d.frameEnd())
                    .append(",\"drawing\":").append(d.json()).append('}');
        }
        return json.append(']').toString();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        layers.clear();
        drawingsDue.clear();
    }
}
