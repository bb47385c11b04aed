package studio.dailies.production.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ui.Badges;
import studio.dailies.base.ui.DateFields;
import studio.dailies.production.BoardShot;
import studio.dailies.production.DueState;
import studio.dailies.production.ShotStatus;

import java.time.Duration;
import java.util.Locale;

/**
 * The pieces of a shot that the board's grid and its status columns both show: as components for the status columns'
 * cards, and as the values the grid's templates ({@link BoardTemplates}) draw the same markup from.
 */
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
        var link = new Anchor(shotHref(shot), shot.code());
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    static String shotHref(BoardShot shot) {
        return "shots/" + shot.id();
    }

    static Span status(ShotStatus status) {
        return Badges.of(status.label(), statusStyle(status));
    }

    /** The badge's colour: {@code badge-<style>} in styles.css. */
    static String statusStyle(ShotStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
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
        var label = new Span(dueText(shot));
        var style = dueStyle(shot);
        if (style != null) {
            label.addClassName(style);
            label.setTitle(dueTitle(shot));
        }
        return label;
    }

    /** The due date, and whether it is close: "2027-03-01 · overdue". */
    static String dueText(BoardShot shot) {
        var date = shot.shot().dueDate();
        var text = date == null ? "" : DateFields.format(date);
        return switch (shot.due()) {
            case OVERDUE -> text + " · overdue";
            case DUE_SOON -> text + " · soon";
            default -> text;
        };
    }

    /** The class that colours a due date that is close, or null. */
    static @Nullable String dueStyle(BoardShot shot) {
        return switch (shot.due()) {
            case OVERDUE -> "overdue";
            case DUE_SOON -> "due-soon";
            default -> null;
        };
    }

    static String dueTitle(BoardShot shot) {
        return switch (shot.due()) {
            case OVERDUE -> "Overdue";
            case DUE_SOON -> "Due within " + DueState.SOON_DAYS + " days";
            default -> "";
        };
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
}
