package studio.dailies.media;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the frames of generated clips live. Keys are made here, from the content, never by a caller. */
public interface MediaStore {

    /**
     * Stores the frames as JPEGs with a poster, a contact sheet and a manifest, all at once: readers see the
     * whole clip or nothing. Storing frames that are already stored changes nothing and returns the same key.
     */
    MediaKey writeClip(FrameSequence frames);

    /**
     * The stored file {@code fileName} of a clip: {@code f0000.jpg} ..., {@code poster.jpg}, {@code contact.jpg}
     * or {@code manifest.json}. Empty for any other name and for a clip or file that is not stored.
     */
    Optional<Path> resolve(MediaKey key, String fileName);

    /** Removes a clip; nothing happens when it is not stored. */
    void delete(MediaKey key);

    /** When a stored clip was written; empty when it is not stored. */
    Optional<Instant> writtenAt(MediaKey key);

    /** Every stored clip, for finding clips that no variant refers to. */
    List<MediaKey> listKeys();
}
