package studio.dailies.notes;

import org.jspecify.annotations.Nullable;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.Text;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A drawing on a frame: vector strokes in the take's frame coordinates (pixels of the take, origin top left), so
 * that it stays sharp at any player size and in exports. What the browser's annotation layer sends is read
 * strictly: a drawing that is not JSON, too large, has too many strokes or points, unknown tools or colours, or a
 * coordinate that is not a finite number inside the frame is refused with a message that names the problem. What
 * is stored is the canonical JSON written back from the checked strokes, never the text that arrived.
 * <pre>{"strokes":[{"tool":"pen","color":"#ff3b30","width":4,"points":[x0,y0,x1,y1,…]},
 *              {"tool":"text","color":"#ffffff","width":24,"points":[x,y],"text":"here"}]}</pre>
 * Pen strokes are the pointer's path (the browser smooths them as it draws them); arrow, rectangle and ellipse
 * are two points (from, to; or two corners); text is one point (its baseline's start) and a line of text.
 */
record Drawing(List<Stroke> strokes) {

    /** The field name errors are reported under. */
    static final String FIELD = "drawing";
    /** Characters of JSON a drawing may take (the column holds more; this keeps pages and pushes small). */
    public static final int MAX_CHARS = 64_000;
    public static final int MAX_STROKES = 100;
    public static final int MAX_POINTS_PER_STROKE = 1_000;
    public static final int MAX_POINTS = 5_000;
    public static final int MAX_TEXT = 200;
    public static final double MAX_WIDTH = 64;

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Set<String> STROKE_FIELDS = Set.of("tool", "color", "width", "points", "text");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    enum Tool {
        PEN, ARROW, RECT, ELLIPSE, TEXT;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** How many points a stroke of this tool has: pen any from 1, the shapes 2, text 1. */
        boolean takes(int points) {
            return switch (this) {
                case PEN -> points >= 1;
                case ARROW, RECT, ELLIPSE -> points == 2;
                case TEXT -> points == 1;
            };
        }
    }

    /** One stroke: {@code points} holds x0, y0, x1, y1, … in frame pixels. */
    record Stroke(Tool tool, String color, double width, double[] points, @Nullable String text) {

        int pointCount() {
            return points.length / 2;
        }

        double x(int point) {
            return points[2 * point];
        }

        double y(int point) {
            return points[2 * point + 1];
        }
    }

    /**
     * Reads and checks a drawing for a frame of {@code width} × {@code height} pixels; an empty drawing (no strokes)
     * is no drawing and gives null.
     */
    static @Nullable Drawing parse(String json, int width, int height) {
        if (json.length() > MAX_CHARS) {
            throw refused("The drawing is too large (%,d characters of JSON; at most %,d). Draw fewer or shorter strokes."
                    .formatted(json.length(), MAX_CHARS));
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException notJson) {
            throw refused("The drawing is not valid JSON");
        }
        if (root == null || !root.isObject() || !root.has("strokes") || !root.get("strokes").isArray()) {
            throw refused("The drawing must be an object with a list of strokes");
        }
        var list = root.get("strokes");
        if (list.size() > MAX_STROKES) {
            throw refused("The drawing has %d strokes; at most %d".formatted(list.size(), MAX_STROKES));
        }
        var strokes = new ArrayList<Stroke>();
        int total = 0;
        for (int i = 0; i < list.size(); i++) {
            var stroke = stroke(list.get(i), i + 1, width, height);
            total += stroke.pointCount();
            if (total > MAX_POINTS) {
                throw refused("The drawing has more than %,d points in all".formatted(MAX_POINTS));
            }
            strokes.add(stroke);
        }
        return strokes.isEmpty() ? null : new Drawing(List.copyOf(strokes));
    }

    private static Stroke stroke(JsonNode node, int number, int width, int height) {
        if (!node.isObject()) {
            throw refused("Stroke %d is not an object".formatted(number));
        }
        for (var name : node.propertyNames()) {
            if (!STROKE_FIELDS.contains(name)) {
                throw refused("Stroke %d has an unknown field '%s'".formatted(number, shorten(name)));
            }
        }
        var toolName = node.path("tool").isString() ? node.get("tool").stringValue() : "";
        Tool tool;
        try {
            tool = Tool.valueOf(toolName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw refused("Stroke %d uses an unknown tool '%s' (pen, arrow, rect, ellipse or text)"
                    .formatted(number, shorten(toolName)));
        }
        var color = node.path("color").isString() ? node.get("color").stringValue() : "";
        if (!COLOR.matcher(color).matches()) {
            throw refused("Stroke %d has a colour that is not #rrggbb".formatted(number));
        }
        var widthNode = node.path("width");
        double strokeWidth = widthNode.isNumber() ? widthNode.doubleValue() : Double.NaN;
        if (!Double.isFinite(strokeWidth) || strokeWidth < 1 || strokeWidth > MAX_WIDTH) {
            throw refused("Stroke %d has a width outside 1 to %d pixels".formatted(number, (int) MAX_WIDTH));
        }
        var pointsNode = node.path("points");
        if (!pointsNode.isArray() || pointsNode.size() % 2 != 0) {
            throw refused("Stroke %d must list its points as x, y pairs".formatted(number));
        }
        int count = pointsNode.size() / 2;
        if (count > MAX_POINTS_PER_STROKE) {
            throw refused("Stroke %d has %,d points; at most %,d".formatted(number, count, MAX_POINTS_PER_STROKE));
        }
        if (!tool.takes(count)) {
            throw refused("Stroke %d (%s) has %d point(s); a pen has at least 1, arrows, rectangles and ellipses 2, text 1"
                    .formatted(number, tool.json(), count));
        }
        var points = new double[pointsNode.size()];
        for (int i = 0; i < points.length; i++) {
            var value = pointsNode.get(i);
            double coordinate = value.isNumber() ? value.doubleValue() : Double.NaN;
            if (!value.isNumber()) {
                throw refused("Stroke %d has a coordinate that is not a number".formatted(number));
            }
            if (!Double.isFinite(coordinate)) {
                throw refused("Stroke %d has a coordinate that is not a finite number".formatted(number));
            }
            double limit = i % 2 == 0 ? width : height;
            if (coordinate < 0 || coordinate > limit) {
                throw refused("Stroke %d has a point outside the %d×%d frame".formatted(number, width, height));
            }
            points[i] = Math.round(coordinate * 10) / 10.0;   // a tenth of a pixel is finer than any display
        }
        String text = null;
        if (tool == Tool.TEXT) {
            text = Text.clean(node.path("text").isString() ? node.get("text").stringValue() : "");
            var problem = Text.problem(text, Text.Lines.SINGLE);
            if (text.isEmpty()) {
                throw refused("Text stroke %d has no text".formatted(number));
            }
            if (problem.isPresent()) {
                throw refused("Text stroke %d: %s".formatted(number, problem.get()));
            }
            if (text.length() > MAX_TEXT) {
                throw refused("Text stroke %d is longer than %d characters".formatted(number, MAX_TEXT));
            }
        } else if (node.has("text")) {
            throw refused("Stroke %d (%s) cannot carry text".formatted(number, tool.json()));
        }
        return new Stroke(tool, color.toLowerCase(Locale.ROOT), strokeWidth, points, text);
    }

    /** The canonical JSON of the checked strokes: what is stored and sent to players. */
    String toJson() {
        var list = new ArrayList<Map<String, Object>>();
        for (var stroke : strokes) {
            var map = new LinkedHashMap<String, Object>();
            map.put("tool", stroke.tool().json());
            map.put("color", stroke.color());
            map.put("width", stroke.width());
            map.put("points", stroke.points());
            if (stroke.text() != null) {
                map.put("text", stroke.text());
            }
            list.add(map);
        }
        return JSON.writeValueAsString(Map.of("strokes", list));
    }

    /** Reads a stored (canonical) drawing back, for exports; no limits apply to what was already checked. */
    static Drawing stored(String json) {
        var strokes = new ArrayList<Stroke>();
        for (var node : JSON.readTree(json).get("strokes")) {
            var points = new double[node.get("points").size()];
            for (int i = 0; i < points.length; i++) {
                points[i] = node.get("points").get(i).doubleValue();
            }
            strokes.add(new Stroke(Tool.valueOf(node.get("tool").stringValue().toUpperCase(Locale.ROOT)),
                    node.get("color").stringValue(), node.get("width").doubleValue(), points,
                    node.has("text") ? node.get("text").stringValue() : null));
        }
        return new Drawing(List.copyOf(strokes));
    }

    private static String shorten(String text) {
        var clean = text.replaceAll("\\p{C}", "?");
        return clean.length() <= 20 ? clean : clean.substring(0, 20) + "…";
    }

    private static InvalidInputException refused(String message) {
        return InvalidInputException.of(FIELD, message);
    }
}
