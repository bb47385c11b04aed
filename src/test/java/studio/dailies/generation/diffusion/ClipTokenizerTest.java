package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.dailies.generation.ComputeDevice;
import studio.dailies.generation.ModelLoadException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClipTokenizerTest {

    private static final Path TOKENIZER = Reference.model("tiny-sd").resolve("tokenizer.json");

    @TempDir
    Path temp;

    @Test
    void tokenIdsAreThoseOfThePythonTokenizer() {
        try (var manager = NDManager.newBaseManager(ComputeDevice.get());
             var tokenizer = ClipTokenizer.load(TOKENIZER, 77, 773)) {
            var reference = Reference.of("tiny-sd", manager);
            var tokens = reference.array("tokens");
            var longAndEmpty = reference.array("tokens_long_empty");

            assertThat(tokenizer.encode(reference.text("prompt"))).containsExactly(tokens.get(0).toLongArray());
            assertThat(tokenizer.encode(reference.text("negative"))).containsExactly(tokens.get(1).toLongArray());
            // Cut to 77 with the end token kept, and the empty prompt padded after its start and end tokens.
            assertThat(tokenizer.encode(reference.text("long_prompt"))).containsExactly(longAndEmpty.get(0).toLongArray());
            assertThat(tokenizer.encode("")).containsExactly(longAndEmpty.get(1).toLongArray());
        }
    }

    @Test
    void aTokenizerThatPadsWithAnotherTokenThanTheManifestSaysIsRefused() {
        assertThatThrownBy(() -> ClipTokenizer.load(TOKENIZER, 77, 0))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(TOKENIZER.toString())
                .hasMessageContaining("'tokenizer.pad_id' says 0");
    }

    @Test
    void aFileThatIsNotATokenizerIsRefusedNamingTheFileAndField() throws IOException {
        var broken = Files.writeString(temp.resolve("tokenizer.json"), "{\"model\": {\"type\": \"nonsense\"}}");

        assertThatThrownBy(() -> ClipTokenizer.load(broken, 77, 773))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(broken.toString())
                .hasMessageContaining("'tokenizer.file'");
    }
}
