package studio.dailies.notes.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Span;
import studio.dailies.notes.NoteView;

import java.util.HashMap;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A note's text as the page shows it: always text nodes, never markup, with the members it mentions marked out
 * ({@code @username}, their name on hover). Line breaks stay (CSS {@code white-space: pre-line}).
 */
final class NoteText {

    private static final Pattern MENTION = Pattern.compile("@([A-Za-z0-9._-]+)");

    private NoteText() {
    }

    static Span of(NoteView note) {
        var span = new Span();
        span.addClassName("note-text");
        if (note.deleted()) {
            span.setText("This note was deleted.");
            span.addClassName("deleted");
            return span;
        }
        if (note.text().isEmpty()) {
            span.setText("(a drawing)");
            span.addClassName("drawing-only");
            return span;
        }
        var names = new HashMap<String, NoteView.Mention>();
        note.mentioned().forEach(m -> names.put(m.username().toLowerCase(Locale.ROOT), m));
        var text = note.text();
        var matcher = MENTION.matcher(text);
        int at = 0;
        while (matcher.find()) {
            var token = matcher.group(1).toLowerCase(Locale.ROOT);
            var mention = names.getOrDefault(token, names.get(token.replaceAll("[._-]+$", "")));
            if (mention == null) {
                continue;
            }
            if (matcher.start() > at) {
                span.add(new Text(text.substring(at, matcher.start())));
            }
            var end = matcher.start() + 1 + mention.username().length();
            var marked = new Span(text.substring(matcher.start(), end));
            marked.addClassName("mention");
            marked.setTitle(mention.name());
            span.add(marked);
            at = end;
        }
        if (at < text.length()) {
            span.add(new Text(text.substring(at)));
        }
        return span;
    }
}
