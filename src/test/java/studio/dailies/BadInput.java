package studio.dailies;

import com.vaadin.browserless.ComponentTester;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;

/**
 * Types text a field cannot read (a date or a number field), as the browser reports it: the field keeps no value,
 * holds the text in its input, and fires {@code unparsable-change}. Browserless tests cannot type, so this is what a
 * user's "15/02/2027x" or "12a" is.
 */
public final class BadInput<F extends Component & HasValue<?, ?>> extends ComponentTester<F> {

    private BadInput(F field) {
        super(field);
    }

    public static <F extends Component & HasValue<?, ?>> void typeInto(F field, String text) {
        new BadInput<>(field).typeUnreadable(text);
    }

    private void typeUnreadable(String text) {
        getComponent().clear();
        getComponent().getElement().setProperty("_inputElementValue", text);
        fireDomEvent("unparsable-change");
    }
}
