package studio.dailies.generation.diffusion;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import studio.dailies.generation.ComputeDevice;
import studio.dailies.generation.ModelLoadException;

import java.nio.file.Path;
import java.util.Map;

/**
 * A model's own tokenizer, from the {@code tokenizer.json} in its folder and nowhere else. DJL's HuggingFace
 * tokenizer ignores the file's own padding and truncation settings unless told, so they are set here: pad to
 * exactly {@code maxLength} tokens and cut longer prompts, keeping the start and end tokens. Loading checks that
 * it pads with the token id the manifest promises (CLIP pads with its end token, SD 2.x with "!").
 */
final class ClipTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final Path file;
    private final int maxLength;

    private ClipTokenizer(HuggingFaceTokenizer tokenizer, Path file, int maxLength) {
        this.tokenizer = tokenizer;
        this.file = file;
        this.maxLength = maxLength;
    }

    static ClipTokenizer load(Path file, int maxLength, int padId) {
        ComputeDevice.get(); // sets ai.djl.offline before any DJL library is touched
        HuggingFaceTokenizer loaded;
        try {
            loaded = HuggingFaceTokenizer.newInstance(file, Map.of("padding", "max_length", "maxLength",
                    Integer.toString(maxLength), "truncation", "true", "addSpecialTokens", "true"));
        } catch (Exception e) {
            throw new ModelLoadException(file + " could not be loaded as a HuggingFace tokenizer (manifest field "
                    + "'tokenizer.file'): " + e.getMessage(), e);
        }
        var tokenizer = new ClipTokenizer(loaded, file, maxLength);
        try {
            long[] empty = tokenizer.encode("");
            if (empty[empty.length - 1] != padId) {
                throw new ModelLoadException(file + " pads with token " + empty[empty.length - 1]
                        + " but manifest field 'tokenizer.pad_id' says " + padId
                        + " (write the pad token into the tokenizer.json's padding section, as tools/export_model.py does)");
            }
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e instanceof ModelLoadException m ? m
                    : new ModelLoadException(file + " could not tokenize a prompt: " + e.getMessage(), e);
        }
        return tokenizer;
    }

    /** The token ids of a prompt, exactly {@code maxLength} of them. */
    long[] encode(String text) {
        long[] ids = tokenizer.encode(text).getIds();
        if (ids.length != maxLength) {
            throw new ModelLoadException(file + " made " + ids.length + " tokens of a prompt, not the "
                    + maxLength + " of manifest field 'tokenizer.max_length'");
        }
        return ids;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
