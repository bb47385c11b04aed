package studio.dailies.generation.torchscript;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.dailies.generation.GeneratedClip;
import studio.dailies.generation.GenerationCancelledException;
import studio.dailies.generation.GenerationProgress;
import studio.dailies.generation.ModelLoadException;
import studio.dailies.generation.Recipe;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TorchScriptGeneratorTest {

    static final Path TINY = resource("/models/tiny");
    static final Path HALVING = resource("/models/halving");
    private static final Recipe LANTERNS = new Recipe("Paper lanterns drifting over a lake", "", 42, 64, 64, 4, 12, 20, 7.5);

    @TempDir
    Path temp;

    @Test
    void rendersTwoVariantsOfFourFramesInOneBatchedPass() {
        var reported = new ArrayList<Double>();
        List<GeneratedClip> clips;
        try (var generator = new TorchScriptGenerator(TINY)) {
            clips = generator.generate(LANTERNS, 2, recording(reported, Integer.MAX_VALUE));
        }

        assertThat(clips).extracting(GeneratedClip::seed).containsExactly(42L, 43L);
        for (var clip : clips) {
            assertThat(clip.width()).isEqualTo(64);
            assertThat(clip.height()).isEqualTo(64);
            assertThat(clip.rgbFrames()).hasSize(4).allSatisfy(frame -> assertThat(frame).hasSize(64 * 64 * 3));
            assertThat(clip.coherence()).isBetween(0.0, 1.0);
            assertThat(clip.rgbFrames().get(0)).isNotEqualTo(clip.rgbFrames().get(3));
        }
        assertThat(reported).containsExactly(0.25, 0.5, 0.75, 1.0);
    }

    @Test
    void theSameRecipeRendersTheSameBytes() {
        List<GeneratedClip> first;
        List<GeneratedClip> again;
        List<GeneratedClip> fresh;
        try (var generator = new TorchScriptGenerator(TINY)) {
            first = generator.generate(LANTERNS, 2, GenerationProgress.NONE);
            again = generator.generate(LANTERNS, 2, GenerationProgress.NONE);
        }
        try (var generator = new TorchScriptGenerator(TINY)) {
            fresh = generator.generate(LANTERNS, 2, GenerationProgress.NONE);
        }

        for (int b = 0; b < 2; b++) {
            for (int f = 0; f < 4; f++) {
                assertThat(again.get(b).rgbFrames().get(f)).isEqualTo(first.get(b).rgbFrames().get(f));
                assertThat(fresh.get(b).rgbFrames().get(f)).isEqualTo(first.get(b).rgbFrames().get(f));
            }
            assertThat(fresh.get(b).coherence()).isEqualTo(first.get(b).coherence());
        }
    }

    @Test
    void differentSeedsAndPromptsRenderDifferentFrames() {
        List<GeneratedClip> clips;
        List<GeneratedClip> otherPrompt;
        try (var generator = new TorchScriptGenerator(TINY)) {
            clips = generator.generate(LANTERNS, 2, GenerationProgress.NONE);
            otherPrompt = generator.generate(new Recipe("a storm at sea", "", 42, 64, 64, 4, 12, 20, 7.5), 1,
                    GenerationProgress.NONE);
        }

        assertThat(clips.get(1).rgbFrames().get(0)).isNotEqualTo(clips.get(0).rgbFrames().get(0));
        assertThat(otherPrompt.get(0).rgbFrames().get(0)).isNotEqualTo(clips.get(0).rgbFrames().get(0));
    }

    @Test
    void provenanceIsTheManifestIdAndVersionAndTheSha256OfTheWeights() throws Exception {
        var expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(TINY.resolve("model.pt"))));

        try (var generator = new TorchScriptGenerator(TINY)) {
            assertThat(generator.provenance().modelId()).isEqualTo("tiny");
            assertThat(generator.provenance().version()).isEqualTo("1.0");
            assertThat(generator.provenance().weightsSha256()).isEqualTo(expected);
        }
    }

    @Test
    void stopsBetweenFrameStepsWhenCancelled() {
        var reported = new ArrayList<Double>();
        try (var generator = new TorchScriptGenerator(TINY)) {
            assertThatThrownBy(() -> generator.generate(LANTERNS, 2, recording(reported, 2)))
                    .isInstanceOf(GenerationCancelledException.class)
                    .hasMessageContaining("frame 2 of 4");
        }
        assertThat(reported).containsExactly(0.25, 0.5);
    }

    @Test
    void packsChannelFirstFramesAsRowMajorRgbBytes() {
        try (var manager = NDManager.newBaseManager()) {
            // Two pixels: red 1.0/0.0, green 0.5/0.25, blue 0.0/1.0.
            var frame = manager.create(new float[]{1f, 0f, 0.5f, 0.25f, 0f, 1f}, new Shape(1, 3, 1, 2));

            assertThat(TorchScriptGenerator.packRgb(frame).get(0).toByteArray())
                    .containsExactly((byte) 255, (byte) 128, 0, 0, (byte) 64, (byte) 255);
        }
    }

    @Test
    void refusesARecipeOfAnotherSize() {
        try (var generator = new TorchScriptGenerator(TINY)) {
            var large = new Recipe("lanterns", "", 1, 128, 64, 4, 12, 20, 7.5);
            assertThatThrownBy(() -> generator.generate(large, 1, GenerationProgress.NONE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("64×64").hasMessageContaining("manifest.json");
        }
    }

    @Test
    void aMissingDirectoryIsNamed() {
        var missing = temp.resolve("nowhere");
        assertThatThrownBy(() -> new TorchScriptGenerator(missing))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("not a directory");
    }

    @Test
    void aMissingModelFileIsNamed() throws IOException {
        var model = copyOfTiny();
        Files.delete(model.resolve("model.pt"));

        assertThatThrownBy(() -> new TorchScriptGenerator(model))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(model.resolve("model.pt") + " is missing");
    }

    @Test
    void aMissingManifestIsNamed() throws IOException {
        var model = copyOfTiny();
        Files.delete(model.resolve("manifest.json"));

        assertThatThrownBy(() -> new TorchScriptGenerator(model))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(model.resolve("manifest.json") + " is missing");
    }

    @Test
    void aCorruptModelFileIsNamed() throws IOException {
        var model = copyOfTiny();
        var junk = new byte[4096];
        new Random(7).nextBytes(junk);
        Files.write(model.resolve("model.pt"), junk);

        assertThatThrownBy(() -> new TorchScriptGenerator(model))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(model.resolve("model.pt") + " could not be loaded as a TorchScript module");
    }

    @Test
    void aManifestWithoutWidthSaysWhatWidthMustBe() throws IOException {
        var model = copyOfTiny();
        rewriteManifest(model, "\"width\": 64,", "");

        assertThatThrownBy(() -> new TorchScriptGenerator(model))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage(model.resolve("manifest.json") + ": 'width' must be a positive integer");
    }

    @Test
    void aManifestWithInvalidFieldsSaysWhichAndWhatIsExpected() throws IOException {
        assertManifestError("\"height\": 64", "\"height\": \"64\"", "'height' must be a positive integer");
        assertManifestError("\"frames\": 48", "\"frames\": 0", "'frames' must be a positive integer");
        assertManifestError("\"id\": \"tiny\"", "\"id\": \"\"", "'id' must be a non-empty string");
        assertManifestError("\"id\": \"tiny\"", "\"id\": \"tiny model/1\"", "'id' must be 1 to 80 letters");
        assertManifestError("\"version\": \"1.0\",", "", "'version' must be a non-empty string");
        assertManifestError("\"t\",", "\"time\",", "'inputs' must list distinct names out of [noise, t, prompt]");
        assertManifestError("\"frame\"", "\"frame\", \"mask\"", "'outputs' must be [\"frame\"]");
        assertManifestError("\"id\": \"tiny\"", "\"id\": [\"tiny\"]", "'id' must be a non-empty string");
        assertManifestError("\"frames\": 48", "\"frames\": 48,,", "is not valid JSON");
    }

    @Test
    void aModelWhoseOutputBreaksTheManifestsPromiseIsNamed() {
        try (var generator = new TorchScriptGenerator(HALVING)) {
            assertThatThrownBy(() -> generator.generate(LANTERNS, 1, GenerationProgress.NONE))
                    .isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("model " + HALVING.resolve("model.pt") + " returned shape (1, 3, 32, 32) but "
                            + HALVING.resolve("manifest.json") + " promises (1, 3, 64, 64)");
        }
    }

    @Test
    void aModelCalledWithFewerInputsThanItTakesIsNamed() throws IOException {
        var model = copyOfTiny();
        rewriteManifest(model, "\"prompt\"", "");
        rewriteManifest(model, "\"t\",", "\"t\"");

        try (var generator = new TorchScriptGenerator(model)) {
            assertThatThrownBy(() -> generator.generate(LANTERNS, 1, GenerationProgress.NONE))
                    .isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining(model.resolve("model.pt") + " failed when called with the inputs [noise, t]");
        }
    }

    @Test
    void thePromptBecomesANormalisedBagOfWords() {
        var vector = PromptEmbedding.of("Paper lanterns, paper boats!");
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }

        assertThat(vector).hasSize(64);
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(PromptEmbedding.of("boats PAPER lanterns paper")).containsExactly(vector);
        assertThat(PromptEmbedding.of("  ...  ")).containsOnly(0f);
    }

    @Test
    void aManifestThatIsNoObjectSaysSo() throws IOException {
        var model = copyOfTiny();
        Files.writeString(model.resolve("manifest.json"), "[\"tiny\"]");

        assertThatThrownBy(() -> new TorchScriptGenerator(model))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage(model.resolve("manifest.json") + " must hold a JSON object");
    }

    private void assertManifestError(String from, String to, String expected) throws IOException {
        var model = Files.createTempDirectory(temp, "broken");
        copy(TINY, model);
        rewriteManifest(model, from, to);

        assertThatThrownBy(() -> new TorchScriptGenerator(model))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith(model.resolve("manifest.json").toString())
                .hasMessageContaining(expected);
    }

    private Path copyOfTiny() throws IOException {
        var model = temp.resolve("tiny");
        copy(TINY, model);
        return model;
    }

    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (var name : List.of("model.pt", "manifest.json")) {
            Files.copy(from.resolve(name), to.resolve(name));
        }
    }

    private static void rewriteManifest(Path model, String from, String to) throws IOException {
        var file = model.resolve("manifest.json");
        var json = Files.readString(file).replaceAll("\\s+", " ").replace(" ,", ",");
        var compact = json.replace("[ ", "[").replace(" ]", "]").replace("{ ", "{").replace(" }", "}");
        assertThat(compact).contains(from);
        Files.writeString(file, compact.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }

    private static GenerationProgress recording(List<Double> reported, int cancelAfter) {
        return new GenerationProgress() {
            @Override
            public void report(double fraction) {
                reported.add(fraction);
            }

            @Override
            public boolean cancelled() {
                return reported.size() >= cancelAfter;
            }
        };
    }

    private static Path resource(String name) {
        try {
            return Path.of(TorchScriptGeneratorTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
