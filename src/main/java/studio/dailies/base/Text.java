package studio.dailies.base;

import org.jspecify.annotations.Nullable;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The one set of rules for free text that people type: names, titles, prompts, reasons, notes. Every
 * service stores {@link #clean} text and refuses what {@link #problem} finds, so no field stores control
 * characters, an invisible value, or a broken character that the database would turn into "?".
 */
public final class Text {

    /** Whether a field is one line (names, titles, codes) or may hold paragraphs (prompts, notes). */
    public enum Lines { SINGLE, MULTI }

    private Text() {
    }

    /** What is stored: line breaks as {@code \n}, composed (NFC) so equal-looking text compares equal, no outer blanks. */
    public static String clean(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        var text = raw.replace("\r\n", "\n").replace('\r', '\n');
        if (!hasLoneSurrogate(text)) {
            text = Normalizer.normalize(text, Normalizer.Form.NFC);
        }
        return text.strip();
    }

    /** Why the (cleaned) text cannot be stored, in words for the person who typed it; empty when it can. */
    public static Optional<String> problem(String text, Lines lines) {
        if (hasLoneSurrogate(text)) {
            return Optional.of("Contains a broken character (an unpaired surrogate); type or paste it again");
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n' || c == '\t') {
                if (lines == Lines.SINGLE) {
                    return Optional.of(c == '\n' ? "Use a single line" : "Contains a tab; use spaces");
                }
            } else if (Character.getType(c) == Character.CONTROL) {
                return Optional.of("Contains a control character (U+%04X)".formatted(c));
            } else if (isDirectionOverride(c)) {
                return Optional.of("Contains an invisible text-direction character (U+%04X)".formatted(c));
            }
        }
        if (!text.isEmpty() && isInvisible(text)) {
            return Optional.of("Contains only invisible characters");
        }
        return Optional.empty();
    }

    /** Adds the text's problem, if any, to the check under the field's name. */
    public static void check(InputRules.Check check, String field, String cleaned, Lines lines) {
        problem(cleaned, lines).ifPresent(message -> check.reject(field, message));
    }

    /** Nothing a reader would see: only blanks, zero-width and other format characters. */
    static boolean isInvisible(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT || c == 0x115F || c == 0x1160 || c == 0x3164
                || c == 0xFFA0 || c == 0x2800);
    }

    private static boolean isDirectionOverride(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
