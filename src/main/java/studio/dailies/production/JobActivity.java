package studio.dailies.production;

import org.springframework.stereotype.Component;
import studio.dailies.generation.JobQueue;
import studio.dailies.generation.JobState;
import studio.dailies.generation.VariantCatalog;

/** What generation has committed for a shot, asked fresh rather than from the board's copy. */
@Component
class JobActivity {

    private final JobQueue queue;
    private final VariantCatalog variants;

    JobActivity(JobQueue queue, VariantCatalog variants) {
        this.queue = queue;
        this.variants = variants;
    }

    long variantCount(long shotId) {
        return variants.countOfShot(shotId);
    }

    boolean hasActiveJobs(long shotId) {
        return queue.jobsOfShot(shotId).stream()
                .anyMatch(job -> job.state() == JobState.QUEUED || job.state() == JobState.RUNNING);
    }
}
