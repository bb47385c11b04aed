package studio.dailies;

import com.vaadin.browserless.ComponentTester;
import com.vaadin.flow.component.datepicker.DatePicker;

/**
 * Types text a date field cannot read, as the browser reports it: the field keeps no value, holds the text in
 * its input, and fires {@code unparsable-change}. Browserless tests cannot type, so this is what a user's "15/02/2027x" is.
 */
public final class BadInput extends ComponentTester<DatePicker> {

    private BadInput(DatePicker field) {
        super(field);
    }

    public static void typeInto(DatePicker field, String text) {
        new BadInput(field).typeUnreadable(text);
    }

    private void typeUnreadable(String text) {
        getComponent().clear();
        getComponent().getElement().setProperty("_inputElementValue", text);
        fireDomEvent("unparsable-change");
    }
}
