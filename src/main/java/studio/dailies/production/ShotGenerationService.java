package studio.dailies.production;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.base.InputRules;
import studio.dailies.generation.JobQueue;
import studio.dailies.generation.JobRequest;
import studio.dailies.generation.JobView;
import studio.dailies.generation.Recipe;
import studio.dailies.generation.VariantCatalog;
import studio.dailies.generation.VariantSummary;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Generation as the shot page sees it: the shot's jobs and variants, and asking for more. Asking
 * moves the shot to GENERATING and queues the job in one transaction; the workflow decides who may.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ShotGenerationService {

    /** Seeds stay below 2^48 so they survive a round trip through JavaScript numbers in the UI. */
    static final long MAX_SEED = (1L << 48) - 1;
    static final double DEFAULT_GUIDANCE = 7.5;

    private final ShotService shots;
    private final ShowService shows;
    private final JobQueue queue;
    private final VariantCatalog variants;
    private final InputRules rules;

    ShotGenerationService(ShotService shots, ShowService shows, JobQueue queue, VariantCatalog variants, InputRules rules) {
        this.shots = shots;
        this.shows = shows;
        this.queue = queue;
        this.variants = variants;
        this.rules = rules;
    }

    @Transactional
    public long generate(long shotId, GenerationRequest request) {
        var shot = shots.get(shotId);
        shows.checkActive(shot.showId());
        var look = shows.get(shot.showId()).look();
        var parent = request.parentVariantId();
        rules.check()
                .rejectIf(parent != null && variants.get(parent).shotId() != shotId, "parentVariantId",
                        "The parent take belongs to another shot")
                .throwIfInvalid();
        shots.transition(shotId, ShotAction.START_GENERATION);
        long seed = request.seed() != null ? request.seed() : randomSeed();
        var recipe = new Recipe(request.prompt().trim(), request.negativePrompt().trim(), seed, look.width(),
                look.height(), shot.frameCount(), shot.fps(), request.steps(), DEFAULT_GUIDANCE);
        return queue.enqueue(new JobRequest(shot.showId(), shotId, request.parentVariantId(), recipe, look.modelId(),
                request.variantCount(), 0, request.noteId()));
    }

    /** A new seed in the range the queue accepts, for "pick one" and the editor's Reroll. */
    public static long randomSeed() {
        return ThreadLocalRandom.current().nextLong(MAX_SEED);
    }

    @Transactional(readOnly = true)
    public List<JobView> jobsOf(long shotId) {
        shots.get(shotId);
        return queue.jobsOfShot(shotId);
    }

    @Transactional(readOnly = true)
    public List<VariantSummary> variantsOf(long shotId) {
        shots.get(shotId);
        return variants.variantsOfShot(shotId);
    }

    /** Progress of the shots on one board page; the board has already read them with access checks. */
    @Transactional(readOnly = true)
    public Map<Long, Double> progressOf(Collection<ShotDetails> visibleShots) {
        return queue.activeProgress(visibleShots.stream().map(ShotDetails::id).toList());
    }

    public void cancel(long shotId, long jobId) {
        shots.get(shotId);
        queue.cancel(jobId);
    }
}
