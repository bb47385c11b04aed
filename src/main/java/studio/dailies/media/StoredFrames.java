package studio.dailies.media;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Frames of stored clips read back as packed RGB (the decoded JPEGs), for work that starts from a take: a vary
 * reads its parent's frames, an in-between its two key frames. Also stores an uploaded key frame as a one-frame
 * clip, so a queued job refers to it by key like to any take.
 */
@Component
public class StoredFrames {

    /** A stored clip's size and length. */
    public record ClipSize(int width, int height, int frames) {
    }

    private final MediaStore store;

    StoredFrames(MediaStore store) {
        this.store = store;
    }

    public Optional<ClipSize> size(MediaKey key) {
        return store.resolve(key, ClipManifest.FILE_NAME).map(ClipManifest::readFrom)
                .map(m -> new ClipSize(m.width(), m.height(), m.frameCount()));
    }

    /** Frame {@code index} of the clip; an IllegalArgumentException when the clip or frame is not stored. */
    public RgbImage frame(MediaKey key, int index) {
        var file = store.resolve(key, FileSystemMediaStore.frameFile(index))
                .orElseThrow(() -> new IllegalArgumentException("Clip " + key + " has no frame " + index));
        return RgbImage.read(file);
    }

    public List<byte[]> frames(MediaKey key) {
        var size = size(key).orElseThrow(() -> new IllegalArgumentException("Clip " + key + " is not stored"));
        var frames = new ArrayList<byte[]>(size.frames());
        for (int i = 0; i < size.frames(); i++) {
            frames.add(frame(key, i).rgb());
        }
        return frames;
    }

    /** Stores one picture as a one-frame clip of the show; the same picture gives the same key. */
    public MediaKey storeStill(long showId, RgbImage image) {
        return store.writeClip(new FrameSequence(showId, image.width(), image.height(), List.of(image.rgb())));
    }
}
