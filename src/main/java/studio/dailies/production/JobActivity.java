package studio.dailies.production;

import org.springframework.stereotype.Component;
import studio.dailies.generation.JobQueue;
import studio.dailies.generation.JobState;
import studio.dailies.generation.ShotFigures;
import studio.dailies.generation.VariantCatalog;

/** What generation has committed for a shot, asked fresh rather than from the board's copy. */
@Component
class JobActivity {

    private final JobQueue queue;
    private final VariantCatalog variants;
    private final ShotFigures figures;

    JobActivity(JobQueue queue, VariantCatalog variants, ShotFigures figures) {
        this.queue = queue;
        this.variants = variants;
        this.figures = figures;
    }

    long deviceMillis(long shotId) {
        return figures.deviceMillisOfShot(shotId);
    }

    long variantCount(long shotId) {
        return variants.countOfShot(shotId);
    }

    boolean hasActiveJobs(long shotId) {
        return queue.jobsOfShot(shotId).stream()
                .anyMatch(job -> job.state() == JobState.QUEUED || job.state() == JobState.RUNNING);
    }
}
