package studio.dailies.review.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ui.Badges;
import studio.dailies.base.ui.InPlace;
import studio.dailies.review.ReviewedVariant;
import studio.dailies.review.ShotReview;
import studio.dailies.review.Standing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Every take of the shot as a small cell with its decision, and the shot's status rolled up from them.
 * Clicking a cell brings that take into the compare stage.
 */
class VariantCells extends Div {

    final Span rollUp = new Span();
    private final Span shotStatus = Badges.of("", "none");
    private final Span counts = new Span();
    private final Div cells = new Div();
    private final Map<Long, Div> cellsById = new HashMap<>();
    private final LongConsumer open;

    VariantCells(LongConsumer open) {
        this.open = open;
        addClassName("variant-cells");
        rollUp.addClassName("roll-up");
        cells.addClassName("cell-strip");
        rollUp.add(new Span("Shot "), shotStatus, counts);
        add(rollUp, cells);
    }

    /** Redraws every cell: the takes or their decisions changed. */
    void show(ShotReview review, @Nullable Instant lastLooked) {
        showStatus(review);
        cells.removeAll();
        cellsById.clear();
        if (review.variants().isEmpty()) {
            cells.add(new Span("No takes yet."));
        }
        for (var variant : review.variants()) {
            var poster = new Image(FramePlayer.mediaPath(variant.variant()) + "/poster.jpg", "Poster of take #" + variant.id());
            poster.addClassName("cell-poster");
            var cell = new Div(poster, new Span("#" + variant.id()), new Span());
            cell.addClassName("variant-cell");
            showDecision(cell, variant);
            if (lastLooked != null && variant.variant().createdAt().isAfter(lastLooked)) {
                cell.addClassName("new-take");
                cell.add(Badges.of("new", "new"));
            }
            cell.getElement().setAttribute("data-variant", String.valueOf(variant.id()));
            cell.addClickListener(e -> open.accept(variant.id()));
            cells.add(cell);
            cellsById.put(variant.id(), cell);
        }
    }

    /** Only decisions changed, on the same takes: each cell's badge and border, nothing rebuilt. */
    void showDecisions(ShotReview review) {
        showStatus(review);
        for (var variant : review.variants()) {
            var cell = cellsById.get(variant.id());
            if (cell != null) {
                showDecision(cell, variant);
            }
        }
    }

    private static void showDecision(Div cell, ReviewedVariant variant) {
        var style = variant.standing().style();
        if (!cell.hasClassName("standing-" + style)) {
            for (var standing : Standing.values()) {
                cell.removeClassName("standing-" + standing.style());
            }
            cell.addClassName("standing-" + style);
        }
        InPlace.badge((Span) cell.getComponentAt(2), variant.standing().label(), style);
        cell.getElement().setAttribute("title", variant.reason() == null ? variant.variant().recipe().prompt() : variant.reason());
    }

    /** The shot's status rolled up from its takes; cheap, for changes that leave the takes as they were. */
    void showStatus(ShotReview review) {
        var shot = review.shot();
        InPlace.badge(shotStatus, shot.status().label(), shot.status().name().toLowerCase(Locale.ROOT));
        InPlace.text(counts, " · " + review.count(Standing.APPROVED) + " approved · " + review.count(Standing.REJECTED)
                + " rejected · " + review.count(Standing.UNDECIDED) + " undecided");
    }
}
