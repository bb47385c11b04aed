package studio.dailies.notes;

import org.junit.jupiter.api.Test;
import studio.dailies.base.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the annotation layer may send, and how each bad drawing is refused by name. */
class DrawingTest {

    private static final int W = 640;
    private static final int H = 360;

    @Test
    void aDrawingOfEveryToolIsReadAndWrittenBackCanonically() {
        var json = """
                {"strokes":[
                  {"tool":"pen","color":"#FF3B30","width":4,"points":[10,10,20.04,22.06,30,25]},
                  {"tool":"arrow","color":"#ffcc00","width":6,"points":[100,100,200,150]},
                  {"tool":"rect","color":"#34c759","width":3,"points":[300,50,400,120]},
                  {"tool":"ellipse","color":"#0a84ff","width":3,"points":[500,200,600,300]},
                  {"tool":"text","color":"#ffffff","width":24,"points":[50,300],"text":"  softer here  "}
                ]}""";
        var drawing = Drawing.parse(json, W, H);
        assertThat(drawing).isNotNull();
        assertThat(drawing.strokes()).extracting(Drawing.Stroke::tool).containsExactly(Drawing.Tool.PEN,
                Drawing.Tool.ARROW, Drawing.Tool.RECT, Drawing.Tool.ELLIPSE, Drawing.Tool.TEXT);
        var canonical = drawing.toJson();
        assertThat(canonical).contains("\"color\":\"#ff3b30\"").contains("20.0").contains("22.1")
                .contains("\"text\":\"softer here\"").doesNotContain("\n").doesNotContain(", ");
        var again = Drawing.parse(canonical, W, H);
        assertThat(again.toJson()).isEqualTo(canonical);
        assertThat(Drawing.stored(canonical).strokes().getLast().text()).isEqualTo("softer here");
    }

    @Test
    void anEmptyDrawingIsNoDrawing() {
        assertThat(Drawing.parse("{\"strokes\":[]}", W, H)).isNull();
    }

    @Test
    void malformedJsonIsRefusedAsSuch() {
        assertRefused("{\"strokes\":[{\"tool\":\"pen\"", "not valid JSON");
        assertRefused("[1,2,3]", "an object with a list of strokes");
        assertRefused("{\"strokes\":[{\"tool\":\"pen\",\"color\":\"#fff000\",\"width\":2,\"points\":[NaN,1]}]}",
                "not valid JSON");
    }

    @Test
    void tooLargeTooManyStrokesAndTooManyPointsAreRefusedWithTheirNumbers() {
        assertRefused("{\"strokes\":[" + "x".repeat(Drawing.MAX_CHARS) + "]}", "too large");
        var many = new StringBuilder("{\"strokes\":[");
        for (int i = 0; i <= Drawing.MAX_STROKES; i++) {
            many.append(i == 0 ? "" : ",").append(stroke("pen", "[1,1]"));
        }
        assertRefused(many.append("]}").toString(), "101 strokes; at most 100");
        var points = new StringBuilder("[");
        for (int i = 0; i <= Drawing.MAX_POINTS_PER_STROKE; i++) {
            points.append(i == 0 ? "" : ",").append("1,1");
        }
        assertRefused("{\"strokes\":[" + stroke("pen", points + "]") + "]}", "Stroke 1 has 1,001 points; at most 1,000");
    }

    @Test
    void nonFiniteAndOutOfFrameCoordinatesAreRefused() {
        assertRefused("{\"strokes\":[" + stroke("pen", "[1e999,5]") + "]}", "not a finite number");
        assertRefused("{\"strokes\":[" + stroke("pen", "[\"5\",5]") + "]}", "not a number");
        assertRefused("{\"strokes\":[" + stroke("arrow", "[10,10,641,20]") + "]}", "outside the 640×360 frame");
        assertRefused("{\"strokes\":[" + stroke("pen", "[-1,5]") + "]}", "outside the 640×360 frame");
    }

    @Test
    void unknownToolsColoursFieldsAndWrongPointCountsAreRefused() {
        assertRefused("{\"strokes\":[" + stroke("laser", "[1,1]") + "]}", "unknown tool 'laser'");
        assertRefused("{\"strokes\":[{\"tool\":\"pen\",\"color\":\"red\",\"width\":2,\"points\":[1,1]}]}", "#rrggbb");
        assertRefused("{\"strokes\":[{\"tool\":\"pen\",\"color\":\"#ff0000\",\"width\":0,\"points\":[1,1]}]}", "width");
        assertRefused("{\"strokes\":[{\"tool\":\"pen\",\"color\":\"#ff0000\",\"width\":2,\"points\":[1,1],\"onclick\":1}]}",
                "unknown field 'onclick'");
        assertRefused("{\"strokes\":[" + stroke("arrow", "[1,1]") + "]}", "Stroke 1 (arrow) has 1 point(s)");
        assertRefused("{\"strokes\":[" + stroke("pen", "[1,1,2]") + "]}", "x, y pairs");
        assertRefused("{\"strokes\":[{\"tool\":\"text\",\"color\":\"#ff0000\",\"width\":20,\"points\":[1,1],\"text\":\"a\\u0007b\"}]}",
                "control character");
    }

    private static String stroke(String tool, String points) {
        return "{\"tool\":\"" + tool + "\",\"color\":\"#ff0000\",\"width\":2,\"points\":" + points + "}";
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> Drawing.parse(json, W, H))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("drawing")
                        .hasEntrySatisfying("drawing", text -> assertThat(text).contains(message)));
    }
}
