package studio.dailies.notes.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;
import studio.dailies.notes.NoteView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /** A run of a note's text: plain, or a mention of {@code name} (null for plain text). */
    public record Part(String text, @Nullable String name) {
    }

    static Span of(NoteView note) {
        var span = new Span();
        span.addClassName("note-text");
        var kind = kind(note);
        if (!kind.isEmpty()) {
            span.addClassName(kind);
        }
        for (var part : parts(note)) {
            if (part.name() == null) {
                span.add(new Text(part.text()));
            } else {
                var marked = new Span(part.text());
                marked.addClassName("mention");
                marked.setTitle(part.name());
                span.add(marked);
            }
        }
        return span;
    }

    /** "deleted", "drawing-only", or "" for a note with text. */
    static String kind(NoteView note) {
        return note.deleted() ? "deleted" : note.text().isEmpty() ? "drawing-only" : "";
    }

    /** The note's text in runs, with the members it mentions marked out. */
    static List<Part> parts(NoteView note) {
        if (note.deleted()) {
            return List.of(new Part("This note was deleted.", null));
        }
        if (note.text().isEmpty()) {
            return List.of(new Part("(a drawing)", null));
        }
        var names = new HashMap<String, NoteView.Mention>();
        note.mentioned().forEach(m -> names.put(m.username().toLowerCase(Locale.ROOT), m));
        var text = note.text();
        var parts = new ArrayList<Part>();
        var matcher = MENTION.matcher(text);
        int at = 0;
        while (matcher.find()) {
            var token = matcher.group(1).toLowerCase(Locale.ROOT);
            var mention = names.getOrDefault(token, names.get(token.replaceAll("[._-]+$", "")));
            if (mention == null) {
                continue;
            }
            if (matcher.start() > at) {
                parts.add(new Part(text.substring(at, matcher.start()), null));
            }
            var end = matcher.start() + 1 + mention.username().length();
            parts.add(new Part(text.substring(matcher.start(), end), mention.name()));
            at = end;
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), null));
        }
        return parts;
    }
}
