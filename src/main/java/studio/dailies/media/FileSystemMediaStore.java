package studio.dailies.media;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;

/**
 * Clips as directories {@code <root>/<showId>/<hash>/}. A clip is rendered into a temporary directory under
 * the root and then renamed into place in one step, so a reader never sees half of one; the same rename,
 * the other way, takes a clip away before it is deleted.
 */
@Service
class FileSystemMediaStore implements MediaStore {

    private static final Logger log = LoggerFactory.getLogger(FileSystemMediaStore.class);
    private static final Pattern FILE_NAME = Pattern.compile("(f[0-9]{4}|poster|contact)\\.jpg|manifest\\.json");
    /** Not a show id, so never mistaken for a clip; inside the root, so renames stay on one file system. */
    static final String WORK_DIR = ".work";

    private final Path root;
    private final Path work;

    FileSystemMediaStore(MediaProperties properties) {
        try {
            Files.createDirectories(properties.root());
            root = properties.root().toRealPath();
            work = Files.createDirectories(root.resolve(WORK_DIR));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + properties.root() + " as the media store", e);
        }
    }

    @Override
    public MediaKey writeClip(FrameSequence frames) {
        var key = MediaKey.forContent(frames);
        var target = root.resolve(key.value());
        if (Files.isDirectory(target)) {
            return key;
        }
        @Nullable Path temp = null;
        try {
            temp = Files.createTempDirectory(work, "clip-");
            render(frames, temp);
            Files.createDirectories(target.getParent());
            Files.move(temp, target, ATOMIC_MOVE);
        } catch (IOException e) {
            // Only a whole clip is ever moved there: when another writer stored the same frames first, it is this one.
            if (!Files.isDirectory(target)) {
                throw new UncheckedIOException("Cannot store clip " + key, e);
            }
            log.debug("Clip {} was stored concurrently", key);
        } finally {
            deleteQuietly(temp);
        }
        return key;
    }

    private static void render(FrameSequence frames, Path dir) throws IOException {
        var sheet = new ContactSheet(frames.width(), frames.height(), frames.frameCount());
        try (var encoder = new FrameEncoder()) {
            for (int i = 0; i < frames.frameCount(); i++) {
                var image = FrameEncoder.toImage(frames.rgbFrames().get(i), frames.width(), frames.height());
                encoder.writeJpeg(image, dir.resolve(frameFile(i)));
                if (sheet.wants(i)) {
                    sheet.add(i, image);
                }
            }
            encoder.writeJpeg(sheet.image(), dir.resolve("contact.jpg"));
        }
        // The poster is the middle frame, byte for byte.
        Files.copy(dir.resolve(frameFile(frames.frameCount() / 2)), dir.resolve("poster.jpg"));
        new ClipManifest(frames.width(), frames.height(), frames.frameCount()).writeTo(dir.resolve(ClipManifest.FILE_NAME));
    }

    static String frameFile(int frame) {
        return "f%04d.jpg".formatted(frame);
    }

    @Override
    public Optional<Path> resolve(MediaKey key, String fileName) {
        if (!FILE_NAME.matcher(fileName).matches()) {
            return Optional.empty();
        }
        var candidate = root.resolve(key.value()).resolve(fileName).normalize();
        try {
            // The real path too: a link planted in the store must not lead out of it.
            var real = candidate.toRealPath();
            return candidate.startsWith(root) && real.startsWith(root) && Files.isRegularFile(real)
                    ? Optional.of(real) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("Cannot read {} of clip {}", fileName, key, e);
            return Optional.empty();
        }
    }

    @Override
    public void delete(MediaKey key) {
        var clip = root.resolve(key.value());
        Path doomed = work.resolve("deleted-" + key.showId() + "-" + key.hash() + "-" + System.nanoTime());
        try {
            Files.move(clip, doomed, ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete clip " + key, e);
        }
        deleteQuietly(doomed);
    }

    @Override
    public Optional<Instant> writtenAt(MediaKey key) {
        try {
            // The clip directory is filled in the work area and moved as a whole, so its time is the write.
            return Optional.of(Files.getLastModifiedTime(root.resolve(key.value())).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the time of clip " + key, e);
        }
    }

    @Override
    public List<MediaKey> listKeys() {
        var keys = new ArrayList<MediaKey>();
        try (Stream<Path> shows = Files.list(root)) {
            for (Path show : shows.filter(Files::isDirectory).toList()) {
                try (Stream<Path> clips = Files.list(show)) {
                    clips.filter(Files::isDirectory)
                            .map(clip -> show.getFileName() + "/" + clip.getFileName())
                            .flatMap(name -> MediaKey.parse(name).stream())
                            .forEach(keys::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the media store", e);
        }
        keys.sort(Comparator.comparing(MediaKey::value));
        return keys;
    }

    private static void deleteQuietly(@Nullable Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Could not remove {}", dir, e);
        }
    }
}
