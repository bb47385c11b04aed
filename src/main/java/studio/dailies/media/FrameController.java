package studio.dailies.media;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import studio.dailies.security.ShowAccess;

import java.time.Duration;

/**
 * Serves stored clip files to members of the show. Every refusal is a plain 404, the same for a clip that
 * does not exist and one the user may not see, so keys cannot be probed.
 */
@RestController
class FrameController {

    /**
     * A key names immutable content, so browsers keep it for a year without asking again. Private, because
     * access depends on who asks: a shared cache must not hand one member's frames to someone else.
     */
    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();

    private final MediaStore store;
    private final ShowAccess access;

    FrameController(MediaStore store, ShowAccess access) {
        this.store = store;
        this.access = access;
    }

    @GetMapping("/media/{showId}/{hash}/{fileName}")
    ResponseEntity<Resource> file(@PathVariable String showId, @PathVariable String hash, @PathVariable String fileName) {
        var key = MediaKey.parse(showId + "/" + hash).filter(k -> access.canView(k.showId()));
        var file = key.flatMap(k -> store.resolve(k, fileName));
        if (key.isEmpty() || file.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        // Spring answers a matching If-None-Match with 304 from this ETag, without reading the file.
        return ResponseEntity.ok()
                .eTag("\"" + key.get().hash() + "-" + fileName + "\"")
                .cacheControl(CACHE)
                .contentType(fileName.endsWith(".json") ? MediaType.APPLICATION_JSON : MediaType.IMAGE_JPEG)
                .body(new FileSystemResource(file.get()));
    }

    /** Any other path under /media is not found here, rather than falling through to the Vaadin router. */
    @GetMapping("/media/**")
    ResponseEntity<Void> elsewhere() {
        return ResponseEntity.notFound().build();
    }
}
