package studio.dailies.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import studio.dailies.base.ConcurrentChangeException;
import studio.dailies.base.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A form for one input record: Vaadin's {@link Binder} reads and writes the record and refuses what a field
 * cannot parse (a date typed in another format), so nothing is sent then; the service's rule violations come
 * back on the fields they name, by the record's component names. What names no field of the form (someone else
 * changed the thing, a rule about the whole record) shows in the form itself, never in a toast that hides it.
 */
public final class RecordForm<R extends Record> {

    private final Binder<R> binder;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Span formError = new Span();

    public RecordForm(Class<R> type) {
        this.binder = new Binder<>(type);
        formError.addClassName("form-error");
        formError.getElement().setAttribute("role", "alert");
        formError.setVisible(false);
    }

    /** Binds a field to the record component of the same name, with no conversion. */
    public <V, F extends HasValue<?, V> & HasValidation> void bind(String component, F field) {
        forField(component, field).bind(component);
    }

    /** Starts a binding that needs a converter or validator; finish it with {@code .bind(component)}. */
    public <V, F extends HasValue<?, V> & HasValidation> Binder.BindingBuilder<R, V> forField(String component, F field) {
        fields.put(component, field);
        return binder.forField(field);
    }

    public void read(R record) {
        binder.readRecord(record);
        clearServerErrors();
    }

    /** Where errors that name no field appear; the caller places it in the form. */
    public Span formError() {
        return formError;
    }

    /**
     * Writes the record and hands it to the service. Returns true when the service took it; false when a field
     * could not be read or the service refused, with every message in place.
     */
    public boolean submit(Consumer<R> service) {
        clearServerErrors();
        R record;
        try {
            record = binder.writeRecord();
        } catch (ValidationException unreadable) {
            return false;
        }
        try {
            service.accept(record);
            return true;
        } catch (InvalidInputException invalid) {
            show(invalid);
            return false;
        } catch (ConcurrentChangeException conflict) {
            showFormError(conflict.getMessage());
            return false;
        }
    }

    /** Shows a service's refusal on the fields it names. */
    public void show(InvalidInputException invalid) {
        FormErrors.showOnFields(invalid, fields, this::showFormError);
    }

    private void showFormError(String message) {
        formError.setText(formError.isVisible() ? formError.getText() + " " + message : message);
        formError.setVisible(true);
    }

    private void clearServerErrors() {
        formError.setText("");
        formError.setVisible(false);
        binder.validate();
    }
}
