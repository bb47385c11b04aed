package studio.dailies.generation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.media.MediaKey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The completion transaction: a job's variants are inserted and the job becomes SUCCEEDED together,
 * or neither happens, so no one ever sees half a job. Media written before a rollback stays behind
 * as an orphan for the clean-up, because content-addressed keys may be shared with older variants.
 */
@Service
class VariantWriter {

    private final VariantRepository variants;
    private final JobQueue queue;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Test seam: runs after the variants are inserted, before the job is marked done. */
    private volatile Consumer<ClaimedJob> beforeComplete = job -> { };

    VariantWriter(VariantRepository variants, JobQueue queue, ApplicationEventPublisher events, Clock clock) {
        this.variants = variants;
        this.queue = queue;
        this.events = events;
        this.clock = clock;
    }

    /** A method, not a field, so the call reaches the bean behind Spring's transaction proxy. */
    void beforeComplete(Consumer<ClaimedJob> hook) {
        this.beforeComplete = hook;
    }

    @Transactional
    public List<Long> commit(ClaimedJob job, String workerId, List<GeneratedClip> clips, List<MediaKey> keys,
                             ModelProvenance model, long deviceMillis) {
        var ids = new ArrayList<Long>();
        for (int i = 0; i < clips.size(); i++) {
            var clip = clips.get(i);
            var recipe = job.recipe();
            var own = new Recipe(recipe.prompt(), recipe.negativePrompt(), clip.seed(), clip.width(), clip.height(),
                    clip.rgbFrames().size(), recipe.fps(), recipe.steps(), recipe.guidance());
            var parent = job.input() instanceof JobInput.Inbetween keyFrames ? keyFrames.from().variantId()
                    : job.parentVariantId();
            var saved = variants.save(new Variant(job.shotId(), job.jobId(), parent, own, model,
                    keys.get(i).value(), clip.coherence(), clock.instant()).madeBy(job.input())
                    .causedBy(job.noteId()));
            ids.add(saved.id());
        }
        variants.flush();
        beforeComplete.accept(job);
        queue.completeWithin(job.jobId(), workerId, deviceMillis);
        events.publishEvent(new VariantsGenerated(job.jobId(), job.shotId(), List.copyOf(ids),
                (int) variants.countByShotId(job.shotId())));
        return ids;
    }
}
