package studio.dailies.review;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A word-level diff of two prompts, for the regenerate editor: which words the edit kept, removed and
 * added, in reading order. Longest common subsequence over words; punctuation stays with its word,
 * and whitespace differences alone are not changes.
 */
public final class PromptDiff {

    public enum Change { KEPT, REMOVED, ADDED }

    public record Word(String text, Change change) {
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private PromptDiff() {
    }

    public static List<Word> of(String parent, String edited) {
        var a = words(parent);
        var b = words(edited);
        // lengths[i][j]: length of the longest common subsequence of a[i..] and b[j..]
        var lengths = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lengths[i][j] = a.get(i).equals(b.get(j)) ? lengths[i + 1][j + 1] + 1
                        : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
            }
        }
        var diff = new ArrayList<Word>();
        int i = 0, j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                diff.add(new Word(a.get(i++), Change.KEPT));
                j++;
            } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
                diff.add(new Word(a.get(i++), Change.REMOVED));
            } else {
                diff.add(new Word(b.get(j++), Change.ADDED));
            }
        }
        while (i < a.size()) {
            diff.add(new Word(a.get(i++), Change.REMOVED));
        }
        while (j < b.size()) {
            diff.add(new Word(b.get(j++), Change.ADDED));
        }
        return diff;
    }

    public static boolean changed(List<Word> diff) {
        return diff.stream().anyMatch(word -> word.change() != Change.KEPT);
    }

    private static List<String> words(String text) {
        var trimmed = text.strip();
        return trimmed.isEmpty() ? Collections.emptyList() : List.of(WHITESPACE.split(trimmed));
    }
}
