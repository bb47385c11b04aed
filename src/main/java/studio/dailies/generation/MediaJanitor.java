package studio.dailies.generation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.media.MediaStore;

import java.time.Clock;
import java.time.Duration;

/**
 * Removes media that no variant or job refers to (a job's key frames may be uploads that no take holds): what a worker wrote before its completion transaction
 * rolled back or its process died. Only clips older than a grace period go, because a worker
 * writes media first and commits the variants that name it a moment later.
 */
@Component
class MediaJanitor {

    private static final Logger log = LoggerFactory.getLogger(MediaJanitor.class);

    private final MediaStore media;
    private final VariantRepository variants;
    private final GenerationJobRepository jobs;
    private final Clock clock;
    private final Duration grace;

    MediaJanitor(MediaStore media, VariantRepository variants, GenerationJobRepository jobs, Clock clock,
                 @Value("${dailies.media.orphan-grace:PT1H}") Duration grace) {
        this.media = media;
        this.variants = variants;
        this.jobs = jobs;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(initialDelayString = "${dailies.media.cleanup-delay:PT5M}",
            fixedDelayString = "${dailies.media.cleanup-interval:PT1H}")
    void scheduled() {
        int removed = removeOrphans();
        if (removed > 0) {
            log.info("Removed {} orphaned clip(s) from the media store", removed);
        }
    }

    /** Deletes unreferenced clips older than the grace period and returns how many. */
    @Transactional(readOnly = true)
    int removeOrphans() {
        var referenced = new java.util.HashSet<>(variants.allMediaKeys());
        referenced.addAll(jobs.keyFrameMediaKeys());
        var cutoff = clock.instant().minus(grace);
        int removed = 0;
        for (var key : media.listKeys()) {
            if (!referenced.contains(key.value())
                    && media.writtenAt(key).map(written -> written.isBefore(cutoff)).orElse(false)) {
                media.delete(key);
                removed++;
            }
        }
        return removed;
    }
}
