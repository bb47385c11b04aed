package studio.dailies.generation;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What generation knows about shots that production shows on its board: each shot's thumbnail take and the device
 * time its jobs used. Generation knows shots only by id, so the per-show check is the caller's: production reads
 * the shots with access checks before it asks here.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ShotFigures {

    /** The take a shot is shown by, with its stored clip's key (its poster is {@code media/<key>/poster.jpg}). */
    public record Thumbnail(long variantId, String mediaKey) {
    }

    private static final List<Long> NO_PICKS = List.of(-1L);

    private final FiguresRepository figures;

    ShotFigures(FiguresRepository figures) {
        this.figures = figures;
    }

    /**
     * Each shot's thumbnail, in one query: the take picked for it in {@code picks} (shot id → approved take) when it
     * has one, else its newest take. Shots without takes are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, Thumbnail> thumbnails(Collection<Long> shotIds, Map<Long, Long> picks) {
        if (shotIds.isEmpty()) {
            return Map.of();
        }
        var picked = picks.values().stream().filter(Objects::nonNull).distinct().toList();
        var newest = new HashMap<Long, Thumbnail>();
        var approved = new HashMap<Long, Thumbnail>();
        for (Object[] row : figures.thumbnails(shotIds, picked.isEmpty() ? NO_PICKS : picked)) {
            long shotId = (Long) row[0];
            var thumbnail = new Thumbnail((Long) row[1], (String) row[2]);
            if (thumbnail.variantId() == picks.getOrDefault(shotId, -1L)) {
                approved.put(shotId, thumbnail);
            }
            newest.merge(shotId, thumbnail, (a, b) -> a.variantId() > b.variantId() ? a : b);
        }
        newest.putAll(approved);
        return newest;
    }

    /** The device time all the shot's jobs used, in milliseconds, as the jobs recorded it. */
    @Transactional(readOnly = true)
    public long deviceMillisOfShot(long shotId) {
        return figures.deviceMillisOfShot(shotId);
    }
}
