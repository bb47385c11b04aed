package studio.dailies.base.ui;

import com.vaadin.flow.dom.Element;
import org.jspecify.annotations.Nullable;

/**
 * A JSON list that a live page mostly appends to (a take's note markers, its drawings), kept on an element as two
 * properties: the list as it was last sent whole, and what was appended since. Every open view of a shot hears of
 * each new note; sending only the new items, not the whole list again, keeps the push to each view small (with 500
 * notes the whole marker list is about 38 kB). Any other change (an item changed or gone) sends the whole list
 * again, as does an appended part that has grown to a quarter of the whole. The browser shows the two lists joined,
 * and both are properties, so a page that attaches again gets the same list.
 */
public final class GrowingJsonList {

    static final String EMPTY = "[]";
    /** Below this size the appended part is always sent on its own. */
    private static final int SMALL = 2048;

    private final Element element;
    private final String wholeProperty;
    private final String addedProperty;
    private String shown = EMPTY;
    private String whole = EMPTY;
    private String added = EMPTY;

    /** {@code wholeProperty} holds the list last sent whole, {@code addedProperty} what was appended to it since. */
    public GrowingJsonList(Element element, String wholeProperty, String addedProperty) {
        this.element = element;
        this.wholeProperty = wholeProperty;
        this.addedProperty = addedProperty;
    }

    /** Shows the list {@code json} (a JSON array); nothing is sent when it is what the element shows. */
    public void show(String json) {
        if (json.equals(shown)) {
            return;
        }
        var tail = appended(shown, json);
        if (tail != null && added.length() + tail.length() <= Math.max(SMALL, whole.length() / 4)) {
            added = join(added, tail);
            element.setProperty(addedProperty, added);
        } else {
            whole = json;
            element.setProperty(wholeProperty, json);
            if (!added.equals(EMPTY)) {
                added = EMPTY;
                element.setProperty(addedProperty, EMPTY);
            }
        }
        shown = json;
    }

    /** The whole list the element shows. */
    public String shown() {
        return shown;
    }

    /**
     * The items that {@code after} adds at the end of {@code before}, as a JSON array, or null if {@code after} is
     * not {@code before} with items appended. Both are JSON arrays of objects as this project writes them (no
     * spaces between items), so the items of {@code before} are a prefix of {@code after}'s text.
     */
    static @Nullable String appended(String before, String after) {
        if (!before.endsWith("]") || after.length() <= before.length()) {
            return null;
        }
        var kept = before.substring(0, before.length() - 1);
        if (!after.startsWith(kept)) {
            return null;
        }
        var rest = after.substring(kept.length());
        if (kept.equals("[")) {
            return rest.startsWith("{") ? "[" + rest : null;
        }
        return rest.startsWith(",{") ? "[" + rest.substring(1) : null;
    }

    /** Two JSON arrays as one. */
    static String join(String first, String second) {
        if (first.equals(EMPTY)) {
            return second;
        }
        if (second.equals(EMPTY)) {
            return first;
        }
        return first.substring(0, first.length() - 1) + "," + second.substring(1);
    }
}
