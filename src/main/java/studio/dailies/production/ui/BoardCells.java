package studio.dailies.production.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ui.Badges;
import studio.dailies.base.ui.DateFields;
import studio.dailies.production.BoardShot;
import studio.dailies.production.DueState;
import studio.dailies.production.ShotStatus;

import java.time.Duration;
import java.util.Locale;

/** The pieces of a shot that the board's grid and its status columns both show. */
final class BoardCells {

    private BoardCells() {
    }

    /** The approved take's poster, else the newest take's; a blank tile for a shot without takes. */
    static Component thumbnail(BoardShot shot) {
        var url = shot.posterUrl();
        if (url == null) {
            var none = new Div();
            none.addClassName("board-thumb-none");
            none.setTitle("No takes yet");
            return none;
        }
        var image = new Image(url, "Take of " + shot.code());
        image.addClassName("board-thumb");
        image.getElement().setAttribute("loading", "lazy");
        return image;
    }

    /** The shot's review workspace lives in the review feature, above this one: link to it by its route. */
    static Anchor shotLink(BoardShot shot) {
        var link = new Anchor("shots/" + shot.id(), shot.code());
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    static Span status(ShotStatus status) {
        return Badges.of(status.label(), status.name().toLowerCase(Locale.ROOT));
    }

    static Span status(BoardShot shot) {
        var badge = status(shot.status());
        if (shot.shot().statusReason() != null) {
            badge.setTitle(shot.shot().statusReason());
            badge.getElement().setAttribute("aria-description", shot.shot().statusReason());
        }
        return badge;
    }

    static Span due(BoardShot shot) {
        var date = shot.shot().dueDate();
        var label = new Span(date == null ? "" : DateFields.format(date));
        if (shot.due() == DueState.OVERDUE) {
            label.addClassName("overdue");
            label.setTitle("Overdue");
            label.setText(label.getText() + " · overdue");
        } else if (shot.due() == DueState.DUE_SOON) {
            label.addClassName("due-soon");
            label.setTitle("Due within " + DueState.SOON_DAYS + " days");
            label.setText(label.getText() + " · soon");
        }
        return label;
    }

    static String gpu(BoardShot shot) {
        return shot.shot().gpuMillis() == 0 ? "–" : String.format(Locale.ROOT, "%.1f min", shot.gpuMinutes());
    }

    static String waiting(@Nullable Duration waited) {
        if (waited == null) {
            return "";
        }
        long minutes = waited.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = waited.toHours();
        if (hours < 48) {
            return hours + " h";
        }
        return waited.toDays() + " d " + (hours % 24) + " h";
    }

    /** The shot's progress bar, hidden while it has no work in flight, so a progress tick can show and move it. */
    static ProgressBar progress(BoardShot shot) {
        var fraction = shot.progress();
        var bar = new ProgressBar(0, 1, fraction == null ? 0 : fraction);
        bar.setWidth("6em");
        bar.setIndeterminate(fraction != null && fraction == 0);
        bar.setVisible(fraction != null);
        bar.getElement().setAttribute("aria-label", "Generating " + shot.code());
        return bar;
    }
}
