package studio.dailies.review.ui;

import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import studio.dailies.base.ui.Badges;
import studio.dailies.notes.NoteView;
import studio.dailies.review.PromptDiff;
import studio.dailies.review.ReviewedVariant;
import studio.dailies.review.ShotReview;

import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * The family tree of a shot's takes: each child under the take it was regenerated from, with the words
 * its prompt changed and where it stands, so a director sees which edits moved the shot forward.
 */
class LineageTree extends TreeGrid<ReviewedVariant> {

    private Map<Long, String> changes = Map.of();
    private Map<Long, NoteView> notes = Map.of();

    LineageTree(LongConsumer open) {
        addClassName("lineage-tree");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        setAllRowsVisible(true);
        addHierarchyColumn(v -> "#" + v.id() + " · " + TakeOrigin.prefix(v.variant()) + "seed " + v.variant().recipe().seed())
                .setHeader("Take").setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(v -> Badges.of(v.standing().label(), v.standing().style()))
                .setHeader("Decision").setAutoWidth(true).setFlexGrow(0);
        addColumn(v -> v.variant().coherence() == null ? "–" : String.format(Locale.ROOT, "%.2f", v.variant().coherence()))
                .setHeader("Coherence").setAutoWidth(true).setFlexGrow(0);
        addColumn(v -> changes.getOrDefault(v.id(), "")).setHeader("Prompt change").setFlexGrow(2);
        addColumn(v -> noteOf(v, notes)).setHeader("From note").setFlexGrow(1).setKey("note");
        addColumn(ReviewedVariant::reason).setHeader("Why").setFlexGrow(1);
        addItemClickListener(click -> open.accept(click.getItem().id()));
    }

    /** The takes, and the notes that caused some of them (shown on the edge from parent to child). */
    void show(ShotReview review, Map<Long, NoteView> causes) {
        this.notes = causes;
        var byId = review.byId();
        var data = new TreeData<ReviewedVariant>();
        for (var variant : review.variants()) {   // oldest first, so a parent is always added before its children
            var parentId = variant.variant().parentVariantId();
            data.addItem(parentId == null ? null : byId.get(parentId), variant);
        }
        changes = review.variants().stream().collect(Collectors.toMap(ReviewedVariant::id, v -> change(v, byId)));
        setDataProvider(new TreeDataProvider<>(data));
        expandRecursively(data.getRootItems(), Integer.MAX_VALUE);
    }

    /** The note that asked for this take, as the edge from its parent shows it: "note #12 by Theo: “…”". */
    static String noteOf(ReviewedVariant variant, Map<Long, NoteView> notes) {
        var noteId = variant.variant().noteId();
        if (noteId == null) {
            return "";
        }
        var note = notes.get(noteId);
        if (note == null || note.deleted()) {
            return "note #" + noteId;
        }
        var words = note.text().length() > 80 ? note.text().substring(0, 79) + "…" : note.text();
        return "note #" + noteId + " by " + note.authorName() + ": “" + words + "”";
    }

    /** The words added and removed relative to the parent, e.g. "+rain −noon"; or "new seed" when only the seed moved. */
    static String change(ReviewedVariant variant, Map<Long, ReviewedVariant> byId) {
        var parentId = variant.variant().parentVariantId();
        var parent = parentId == null ? null : byId.get(parentId);
        if (parent == null) {
            return "first generation";
        }
        var words = PromptDiff.of(parent.variant().recipe().prompt(), variant.variant().recipe().prompt());
        if (!PromptDiff.changed(words)) {
            return "same prompt, seed " + variant.variant().recipe().seed();
        }
        return words.stream().filter(w -> w.change() != PromptDiff.Change.KEPT)
                .map(w -> (w.change() == PromptDiff.Change.ADDED ? "+" : "−") + w.text())
                .collect(Collectors.joining(" "));
    }
}
