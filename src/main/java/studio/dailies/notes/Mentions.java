package studio.dailies.notes;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code @username} in a note's text. Only a member of the show is mentioned: any other {@code @word} is just
 * text. Usernames are 3–40 of {@code a-z 0-9 . _ -}; a sentence's full stop after a name is not part of it.
 */
public final class Mentions {

    /** An @ that does not follow a word character (so an e-mail address is not a mention), then the name. */
    private static final Pattern TOKEN = Pattern.compile("(?<![\\p{L}\\p{N}._@-])@([A-Za-z0-9._-]{1,64})");
    /** What is being typed at the end of the text: "@" and the start of a name. */
    private static final Pattern TYPING = Pattern.compile("(?<![\\p{L}\\p{N}._@-])@([A-Za-z0-9._-]{0,40})$");

    private Mentions() {
    }

    /** The ids of the members mentioned in the text, in the order they are first mentioned. */
    static Set<Long> in(String text, Map<String, Long> memberIdsByUsername) {
        var found = new LinkedHashSet<Long>();
        var matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            var name = matcher.group(1).toLowerCase(Locale.ROOT);
            var id = memberIdsByUsername.get(name);
            if (id == null) {
                id = memberIdsByUsername.get(name.replaceAll("[._-]+$", ""));
            }
            if (id != null) {
                found.add(id);
            }
        }
        return found;
    }

    /** The start of a name being typed at the end of the text ("@mi" gives "mi", "@" gives ""), if any. */
    public static Optional<String> typedAtEnd(String text) {
        var matcher = TYPING.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The text with the name being typed at its end completed to {@code @username} and a space. */
    public static String complete(String text, String username) {
        var matcher = TYPING.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        return text.substring(0, matcher.start()) + "@" + username + " ";
    }
}
