package studio.dailies.generation.torchscript;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The prompt as a model input: a bag of words hashed into {@value #SIZE} buckets, L2-normalised.
 * A word is a run of letters and digits, lower-cased; its bucket is the 32-bit FNV-1a hash of its
 * UTF-8 bytes modulo {@value #SIZE}. A prompt without words is the zero vector.
 */
final class PromptEmbedding {

    static final int SIZE = 64;
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private PromptEmbedding() {
    }

    static float[] of(String prompt) {
        var vector = new float[SIZE];
        for (var word : NOT_WORD.split(prompt.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                vector[Integer.remainderUnsigned(fnv1a(word), SIZE)] += 1;
            }
        }
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < SIZE; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }

    static int fnv1a(String word) {
        int hash = 0x811c9dc5;
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return hash;
    }
}
