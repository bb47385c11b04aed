package studio.dailies.notes.ui;

/** The reply and edit form's one field, named as the service names it. */
public record TextForm(String text) {
}
