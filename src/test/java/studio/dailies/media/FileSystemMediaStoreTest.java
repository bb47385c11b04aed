package studio.dailies.media;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FileSystemMediaStoreTest {

    @TempDir Path root;

    private FileSystemMediaStore store;

    @BeforeEach
    void openStore() {
        store = new FileSystemMediaStore(new MediaProperties(root));
    }

    @Test
    void aStoredClipReadsBackAsJpegFramesOfTheSameSizeAndColour() throws IOException {
        var key = store.writeClip(Clips.gradients(7, 64, 36, 6));

        for (int f = 0; f < 6; f++) {
            var frame = read(key, "f%04d.jpg".formatted(f));
            assertThat(frame.getWidth()).isEqualTo(64);
            assertThat(frame.getHeight()).isEqualTo(36);
            int rgb = frame.getRGB(40, 20);
            assertThat(rgb >> 16 & 255).isCloseTo(Clips.red(40, 64), within(12));
            assertThat(rgb >> 8 & 255).isCloseTo(Clips.green(20, 36), within(12));
            assertThat(rgb & 255).isCloseTo(Clips.blue(f, 0), within(12));
        }
        assertThat(store.resolve(key, "f0006.jpg")).isEmpty();
    }

    @Test
    void theKeyIsTheShowIdAndThirtyTwoHexCharactersOfTheContent() {
        var key = store.writeClip(Clips.gradients(7, 64, 36, 6));

        assertThat(key.value()).matches("7/[0-9a-f]{32}");
        assertThat(key.showId()).isEqualTo(7);
        assertThat(root.resolve(key.value())).isDirectory();
    }

    @Test
    void theSameFramesGiveTheSameKeyAndAreWrittenOnlyOnce() throws IOException {
        var first = store.writeClip(Clips.gradients(7, 64, 36, 6));
        var poster = store.resolve(first, "poster.jpg").orElseThrow();
        var writtenAt = Files.getLastModifiedTime(poster);
        Files.writeString(root.resolve(first.value()).resolve("marker"), "still here");

        var second = store.writeClip(Clips.gradients(7, 64, 36, 6));

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(poster)).isEqualTo(writtenAt);
        assertThat(root.resolve(first.value()).resolve("marker")).hasContent("still here");
    }

    @Test
    void otherFramesAnotherShapeOrAnotherShowGiveAnotherKey() {
        var key = store.writeClip(Clips.gradients(7, 64, 36, 6));

        assertThat(store.writeClip(Clips.gradients(7, 64, 36, 6, 1))).isNotEqualTo(key);
        assertThat(store.writeClip(Clips.gradients(7, 64, 36, 5))).isNotEqualTo(key);
        assertThat(store.writeClip(Clips.gradients(8, 64, 36, 6)).hash()).isEqualTo(key.hash());
        assertThat(store.writeClip(Clips.gradients(8, 64, 36, 6)).showId()).isEqualTo(8);
        // The same bytes read as 36x64 are another picture.
        var sameBytes = Clips.gradients(7, 64, 36, 6).rgbFrames();
        assertThat(store.writeClip(new FrameSequence(7, 36, 64, sameBytes))).isNotEqualTo(key);
    }

    @Test
    void thePosterIsTheMiddleFrameByteForByte() throws IOException {
        var key = store.writeClip(Clips.gradients(7, 64, 36, 6));

        assertThat(store.resolve(key, "poster.jpg").orElseThrow())
                .hasSameBinaryContentAs(store.resolve(key, "f0003.jpg").orElseThrow());
    }

    @Test
    void theContactSheetIsAGridOfSixColumnsWithSmallFramesNeverEnlarged() throws IOException {
        var small = read(store.writeClip(Clips.gradients(7, 64, 36, 6)), "contact.jpg");
        // One row of six 64x36 frames with 2px gaps.
        assertThat(small.getWidth()).isEqualTo(2 + 6 * (64 + 2));
        assertThat(small.getHeight()).isEqualTo(2 + 36 + 2);

        var large = read(store.writeClip(Clips.gradients(7, 320, 180, 13)), "contact.jpg");
        // Three rows of 160x90 thumbnails.
        assertThat(large.getWidth()).isEqualTo(2 + 6 * (160 + 2));
        assertThat(large.getHeight()).isEqualTo(2 + 3 * (90 + 2));
        // Inside the second thumbnail, away from its number: the gradient of frame 1, scaled down.
        int rgb = large.getRGB(2 + 162 + 120, 2 + 20);
        assertThat(rgb >> 16 & 255).isCloseTo(Clips.red(240, 320), within(16));
        assertThat(rgb & 255).isCloseTo(Clips.blue(1, 0), within(16));
    }

    @Test
    void theContactSheetNumbersEachFrameInItsCorner() throws IOException {
        var sheet = read(store.writeClip(Clips.gradients(7, 320, 180, 13)), "contact.jpg");
        // Frame 1's "1" is drawn white at scale 2 on a dark plate in the bottom-left corner of its thumbnail:
        // the middle column of the glyph is lit, the column left of it is not.
        int thumbX = 2 + 162;
        int bottom = 2 + 90;
        int litX = thumbX + (1 + 1) * 2 + 1;
        int litY = bottom - 14 + (1 + 2) * 2 + 1;
        assertThat(luma(sheet.getRGB(litX, litY))).isGreaterThan(200);
        assertThat(luma(sheet.getRGB(litX - 4, litY))).isLessThan(80);
    }

    @Test
    void longClipsAreSampledEvenlyOnTheContactSheet() {
        var sample = ContactSheet.sample(2000, 60);

        assertThat(sample).hasSize(60).startsWith(0).endsWith(1999).isSorted().doesNotHaveDuplicates();
        assertThat(ContactSheet.sample(13, 60)).hasSize(13).startsWith(0).endsWith(12);
    }

    @Test
    void theManifestGivesTheSizeAndFrameCount() {
        var key = store.writeClip(Clips.gradients(7, 64, 36, 6));

        var manifest = ClipManifest.readFrom(store.resolve(key, "manifest.json").orElseThrow());

        assertThat(manifest).isEqualTo(new ClipManifest(64, 36, 6));
    }

    @Test
    void aWriteLeavesNoTemporaryDirectoriesBehind() throws IOException {
        store.writeClip(Clips.gradients(7, 64, 36, 6));

        assertThat(root.resolve(FileSystemMediaStore.WORK_DIR)).isEmptyDirectory();
        try (Stream<Path> top = Files.list(root)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("7", ".work");
        }
    }

    @Test
    void aFailedWriteLeavesNeitherAClipNorItsTemporaryDirectory() throws IOException {
        // A file where the show's directory belongs makes the final move fail after everything is rendered.
        Files.writeString(root.resolve("7"), "in the way");

        assertThatThrownBy(() -> store.writeClip(Clips.gradients(7, 64, 36, 6)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("Cannot store clip 7/");
        assertThat(root.resolve(FileSystemMediaStore.WORK_DIR)).isEmptyDirectory();
        assertThat(store.listKeys()).isEmpty();
    }

    @Test
    void writersRacingWithTheSameFramesAllGetTheOneCompleteClip() throws Exception {
        var frames = Clips.gradients(7, 64, 36, 6);
        var tasks = new ArrayList<Callable<MediaKey>>();
        for (int i = 0; i < 4; i++) {
            tasks.add(() -> store.writeClip(frames));
        }
        try (var pool = Executors.newFixedThreadPool(4)) {
            var keys = pool.invokeAll(tasks).stream().map(FileSystemMediaStoreTest::get).distinct().toList();
            assertThat(keys).hasSize(1);
            assertThat(store.listKeys()).isEqualTo(keys);
            assertThat(root.resolve(keys.getFirst().value())).isDirectoryContaining("glob:**/f0005.jpg");
        }
        assertThat(root.resolve(FileSystemMediaStore.WORK_DIR)).isEmptyDirectory();
    }

    @Test
    void deletedClipsAreGoneAndDeletingAgainDoesNothing() {
        var kept = store.writeClip(Clips.gradients(7, 64, 36, 6));
        var deleted = store.writeClip(Clips.gradients(9, 64, 36, 6, 3));

        store.delete(deleted);
        store.delete(deleted);

        assertThat(store.listKeys()).containsExactly(kept);
        assertThat(store.resolve(deleted, "poster.jpg")).isEmpty();
        assertThat(root.resolve(FileSystemMediaStore.WORK_DIR)).isEmptyDirectory();
    }

    @Test
    void listingFindsEveryClipAndIgnoresAnythingElseInTheRoot() throws IOException {
        var a = store.writeClip(Clips.gradients(7, 64, 36, 6));
        var b = store.writeClip(Clips.gradients(12, 64, 36, 2));
        Files.createDirectories(root.resolve("lost+found"));
        Files.createDirectories(root.resolve("7/not-a-hash"));
        Files.createDirectories(root.resolve("007/" + a.hash()));

        assertThat(store.listKeys()).containsExactlyInAnyOrder(a, b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "f1.jpg", "f00000.jpg", "F0000.jpg", "f0000.JPG", "f0000.png", "poster.jpeg",
            "manifest.JSON", "../poster.jpg", "..", ".", "./poster.jpg", "f0000.jpg/..", "..\\poster.jpg",
            "/etc/passwd", "poster.jpg\u0000", "f\u0660\u0660\u0660\u0660.jpg", "contact.jpg ", "sub/poster.jpg"})
    void resolvingRefusesEveryNameButTheStoredOnes(String fileName) {
        var key = store.writeClip(Clips.gradients(7, 64, 36, 6));

        assertThat(store.resolve(key, fileName)).isEmpty();
    }

    @Test
    void resolvingFindsOnlyFilesThatAreStored() {
        var key = store.writeClip(Clips.gradients(7, 64, 36, 6));

        assertThat(store.resolve(key, "f0005.jpg")).contains(root.resolve(key.value()).resolve("f0005.jpg"));
        assertThat(store.resolve(key, "contact.jpg")).isPresent();
        assertThat(store.resolve(key, "f0006.jpg")).isEmpty();
        assertThat(store.resolve(new MediaKey("7/" + "0".repeat(32)), "poster.jpg")).isEmpty();
        assertThat(store.resolve(new MediaKey("8/" + key.hash()), "poster.jpg")).isEmpty();
    }

    @Test
    void aLinkPlantedInTheStoreDoesNotLeadOutOfIt(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("poster.jpg"), "secret");
        var planted = new MediaKey("7/" + "a".repeat(32));
        Files.createDirectories(root.resolve("7"));
        Files.createSymbolicLink(root.resolve(planted.value()), outside);
        var key = store.writeClip(Clips.gradients(7, 64, 36, 6));
        Files.delete(root.resolve(key.value()).resolve("f0001.jpg"));
        Files.createSymbolicLink(root.resolve(key.value()).resolve("f0001.jpg"), outside.resolve("poster.jpg"));

        assertThat(store.resolve(planted, "poster.jpg")).isEmpty();
        assertThat(store.resolve(key, "f0001.jpg")).isEmpty();
    }

    @Test
    void theRootIsCreatedWhenMissing(@TempDir Path parent) {
        var missing = parent.resolve("a/b/media");

        var created = new FileSystemMediaStore(new MediaProperties(missing));

        assertThat(missing).isDirectory();
        assertThat(created.listKeys()).isEmpty();
    }

    private BufferedImage read(MediaKey key, String fileName) throws IOException {
        var image = ImageIO.read(store.resolve(key, fileName).orElseThrow().toFile());
        assertThat(image).as(fileName).isNotNull();
        return image;
    }

    private static int luma(int rgb) {
        return ((rgb >> 16 & 255) * 299 + (rgb >> 8 & 255) * 587 + (rgb & 255) * 114) / 1000;
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
