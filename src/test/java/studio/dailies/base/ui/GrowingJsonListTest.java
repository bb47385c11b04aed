package studio.dailies.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.internal.change.MapPutChange;
import com.vaadin.flow.internal.change.NodeChange;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Every open view of a shot hears of each new note: it must be sent the new items only, and never a wrong list. */
class GrowingJsonListTest {

    private final UI ui = new UI();
    private final Div player = new Div();
    private final GrowingJsonList list = new GrowingJsonList(player.getElement(), "whole", "added");

    GrowingJsonListTest() {
        ui.getInternals().setSession(mock(VaadinSession.class));
        ui.add(player);
        sent();
    }

    @Test
    void anAppendedItemIsSentAloneAndTheBrowserGetsTheSameList() {
        var first = upTo(400);
        list.show(first);
        assertThat(sent()).isEqualTo(Map.of("whole", first));

        var more = upTo(401);
        list.show(more);
        assertThat(sent()).isEqualTo(Map.of("added", items(401)));
        list.show(upTo(402));
        assertThat(sent()).isEqualTo(Map.of("added", items(401, 402)));

        assertThat(list.shown()).isEqualTo(upTo(402));
        assertThat(inBrowser()).isEqualTo(upTo(402));
    }

    @Test
    void theSameListSendsNothing() {
        list.show(items(1, 2));
        sent();
        list.show(items(1, 2));
        assertThat(sent()).isEmpty();
    }

    @Test
    void aChangedOrRemovedItemSendsTheWholeListAndEmptiesTheAddedOne() {
        list.show(items(1, 2));
        assertThat(sent()).as("the first items of an empty list are added to it").isEqualTo(Map.of("added", items(1, 2)));

        var changed = "[{\"note\":1},{\"note\":2,\"resolved\":true}]";
        list.show(changed);
        assertThat(sent()).isEqualTo(Map.of("whole", changed, "added", "[]"));
        assertThat(inBrowser()).isEqualTo(changed);

        list.show(items(2));
        assertThat(sent()).as("the added list is empty already").isEqualTo(Map.of("whole", items(2)));
        assertThat(inBrowser()).isEqualTo(items(2));
    }

    @Test
    void anAddedPartLongerThanAQuarterOfTheWholeIsSentWholeAgain() {
        list.show(upTo(400));
        list.show(upTo(401));
        sent();

        list.show(upTo(500));
        assertThat(sent()).isEqualTo(Map.of("added", "[" + upTo(500).substring(upTo(400).length())));
        list.show(upTo(600));
        assertThat(sent()).as("the added part has grown past a quarter of the whole")
                .isEqualTo(Map.of("whole", upTo(600), "added", "[]"));
        assertThat(inBrowser()).isEqualTo(upTo(600));
    }

    @Test
    void onlyItemsAppendedAfterTheLastOneCount() {
        assertThat(GrowingJsonList.appended(items(1, 2), items(1, 2, 3))).isEqualTo(items(3));
        assertThat(GrowingJsonList.appended("[]", items(1))).isEqualTo(items(1));
        assertThat(GrowingJsonList.appended("[{\"note\":1}]", "[{\"note\":12}]")).as("the last item grew").isNull();
        assertThat(GrowingJsonList.appended("[{\"note\":1,\"s\":5}]", "[{\"note\":1,\"s\":50},{\"note\":2}]")).isNull();
        assertThat(GrowingJsonList.appended(items(1, 2), items(1))).isNull();
        assertThat(GrowingJsonList.appended(items(1, 2), items(2, 1, 3))).isNull();
        assertThat(GrowingJsonList.join("[]", items(1))).isEqualTo(items(1));
        assertThat(GrowingJsonList.join(items(1), items(2, 3))).isEqualTo(items(1, 2, 3));
        assertThat(GrowingJsonList.join(items(1), "[]")).isEqualTo(items(1));
    }

    private static String items(int... notes) {
        var json = new StringBuilder("[");
        for (int note : notes) {
            json.append(json.length() > 1 ? "," : "").append("{\"note\":").append(note).append('}');
        }
        return json.append(']').toString();
    }

    private static String upTo(int last) {
        return items(java.util.stream.IntStream.rangeClosed(1, last).toArray());
    }

    /** The list the component in the browser shows: the whole list joined with the added one. */
    private String inBrowser() {
        return GrowingJsonList.join(player.getElement().getProperty("whole", "[]"),
                player.getElement().getProperty("added", "[]"));
    }

    /** The properties of the player that the next response would carry. */
    private Map<String, String> sent() {
        var changes = new ArrayList<NodeChange>();
        ui.getInternals().getStateTree().collectChanges(changes::add);
        var properties = new HashMap<String, String>();
        for (var change : changes) {
            if (change instanceof MapPutChange put && change.getNode() == player.getElement().getNode()
                    && (put.getKey().equals("whole") || put.getKey().equals("added"))) {
                properties.put(put.getKey(), String.valueOf(put.getValue()));
            }
        }
        return properties;
    }
}
