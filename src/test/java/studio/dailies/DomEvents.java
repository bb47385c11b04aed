package studio.dailies;

import com.vaadin.browserless.ComponentTester;
import com.vaadin.flow.component.Component;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.Map;

/** Fires a DOM event with its data on a component, as the browser would send it (e.g. a Lit component's event). */
public final class DomEvents extends ComponentTester<Component> {

    private DomEvents(Component component) {
        super(component);
    }

    public static void fire(Component component, String type, Map<String, Object> data) {
        var json = JsonNodeFactory.instance.objectNode();
        data.forEach((key, value) -> {
            switch (value) {
                case String text -> json.put(key, text);
                case Integer number -> json.put(key, number);
                case Long number -> json.put(key, number);
                case Boolean flag -> json.put(key, flag);
                default -> throw new IllegalArgumentException("Unsupported event data " + value);
            }
        });
        new DomEvents(component).fireDomEvent(type, json);
    }
}
