package studio.dailies.production;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.InputRules;
import studio.dailies.base.NotFoundException;
import studio.dailies.generation.JobInput;
import studio.dailies.generation.JobKind;
import studio.dailies.generation.KeyFrame;
import studio.dailies.generation.ModelRegistry;
import studio.dailies.media.RgbImage;
import studio.dailies.media.StoredFrames;
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
 * Generation as the shot page sees it: the shot's jobs and variants, and asking for more: from a prompt, by
 * varying a take at a strength, or by filling frames between two key frames. Asking moves the shot to
 * GENERATING and queues the job in one transaction; the workflow decides who may (directors, and artists on
 * their assigned shots).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ShotGenerationService {

    /** Seeds stay below 2^48 so they survive a round trip through JavaScript numbers in the UI. */
    static final long MAX_SEED = (1L << 48) - 1;
    static final double DEFAULT_GUIDANCE = 7.5;
    static final int DEFAULT_STEPS = 20;
    /** The most frames one in-between fills; a model may allow fewer (its manifest's max_inbetweens). */
    public static final int MAX_INBETWEENS = 48;
    static final int MAX_NOTE = 500;
    private static final int MAX_SHOTS_LISTED = 200;

    private final ShotService shots;
    private final ShowService shows;
    private final JobQueue queue;
    private final VariantCatalog variants;
    private final InputRules rules;
    private final ModelRegistry models;
    private final StoredFrames frames;

    ShotGenerationService(ShotService shots, ShowService shows, JobQueue queue, VariantCatalog variants, InputRules rules,
                          ModelRegistry models, StoredFrames frames) {
        this.models = models;
        this.frames = frames;
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

    /**
     * Varies a take: new takes from its frames at a strength, with the (edited) prompt, by the show's model, which
     * must be able to (a diffusion model with a VAE encoder). Same rights as {@link #generate}.
     */
    @Transactional
    public long vary(long variantId, VaryRequest request) {
        var parent = variants.get(variantId);
        var shot = shots.get(parent.shotId());
        var look = shows.get(shot.showId()).look();
        var model = models.find(look.modelId());
        rules.check()
                .rejectIf(!(request.strength() > 0 && request.strength() <= 1), "strength",
                        "Use a strength above 0 (keep the take) up to 1 (keep only its rough layout)")
                .rejectIf(model.isEmpty() || !model.get().canVary(), "strength",
                        "The show's model '" + look.modelId() + "' cannot vary a take at a strength")
                .throwIfInvalid();
        shots.transition(shot.id(), ShotAction.START_GENERATION);
        var own = parent.recipe();
        long seed = request.seed() != null ? request.seed() : randomSeed();
        // An in-between's recipe has no denoising steps or guidance of its own; a vary of it takes the defaults.
        boolean denoised = parent.kind() != JobKind.INBETWEEN;
        var recipe = new Recipe(request.prompt().trim(), request.negativePrompt().trim(), seed, own.width(),
                own.height(), own.frameCount(), own.fps(), denoised ? own.steps() : DEFAULT_STEPS,
                denoised ? own.guidance() : DEFAULT_GUIDANCE);
        return queue.enqueue(new JobRequest(shot.showId(), shot.id(), variantId, recipe, look.modelId(),
                request.variantCount(), 0, new JobInput.Vary(request.strength())));
    }

    /**
     * Queues an in-between: the two key frames are checked here (a take of this show and one of its frames, or an
     * upload that is a PNG or JPEG within the limits), uploads are stored as one-frame clips, and the job is queued
     * in the same transaction as the shot's move to GENERATING. Same rights as {@link #generate}.
     */
    @Transactional
    public long inbetween(long shotId, InbetweenRequest request) {
        var shot = shots.get(shotId);
        var check = rules.check()
                .rejectIf(request.inbetweens() < 1 || request.inbetweens() > MAX_INBETWEENS, "inbetweens",
                        "Fill 1 to " + MAX_INBETWEENS + " frames")
                .rejectIf(request.modelId() == null || request.modelId().isBlank(), "modelId",
                        "Choose an interpolation model")
                .rejectIf(request.note() != null && request.note().length() > MAX_NOTE, "note",
                        "At most " + MAX_NOTE + " characters");
        var from = keyFrame(check, "keyFrom", shot.showId(), request.from());
        var to = keyFrame(check, "keyTo", shot.showId(), request.to());
        if (from != null && to != null && (from.width() != to.width() || from.height() != to.height())) {
            check.reject("keyTo", "The key frames differ in size: " + from.width() + "×" + from.height() + " and "
                    + to.width() + "×" + to.height());
        }
        check.throwIfInvalid();
        shots.transition(shotId, ShotAction.START_GENERATION);
        var note = request.note() == null || request.note().isBlank()
                ? "In-between: " + from.describe() + " → " + to.describe() : request.note().trim();
        var recipe = new Recipe(note, "", 0, from.width(), from.height(), request.inbetweens() + 2, shot.fps(), 1, 0);
        return queue.enqueue(new JobRequest(shot.showId(), shotId, null, recipe, request.modelId().strip(), 1, 0,
                new JobInput.Inbetween(from.store(frames, shot.showId()), to.store(frames, shot.showId()))));
    }

    /** What the shot page may offer with the show's model. */
    @Transactional(readOnly = true)
    public GenerationOptions optionsFor(long shotId) {
        var shot = shots.get(shotId);
        var look = shows.get(shot.showId()).look();
        return new GenerationOptions(models.find(look.modelId()).map(ModelRegistry.ModelInfo::canVary).orElse(false),
                models.interpolators().stream().filter(ModelRegistry.ModelInfo::available).toList(), MAX_INBETWEENS);
    }

    /**
     * The takes an in-between of this shot may use as keys: the shot's own takes, newest first, then the approved
     * takes of the other shots of its episode (the usual bridge: the end of one approved shot to the start of the next).
     */
    @Transactional(readOnly = true)
    public List<KeyTake> keyTakes(long shotId) {
        var shot = shots.get(shotId);
        var takes = new java.util.ArrayList<KeyTake>();
        var own = new java.util.ArrayList<>(variants.variantsOfShot(shotId));
        java.util.Collections.reverse(own);
        own.forEach(v -> takes.add(keyTake(v, shot.code() + " #" + v.id())));
        for (var other : shots.board(shot.episodeId(), ShotFilter.NONE, org.springframework.data.domain.Pageable
                .ofSize(MAX_SHOTS_LISTED)).getContent()) {
            if (other.id() != shotId && other.approvedVariantId() != null) {
                takes.add(keyTake(variants.get(other.approvedVariantId()), other.code() + " #"
                        + other.approvedVariantId() + " (approved)"));
            }
        }
        return takes;
    }

    private static KeyTake keyTake(VariantSummary take, String label) {
        var recipe = take.recipe();
        return new KeyTake(take.id(), label, recipe.frameCount(), recipe.width(), recipe.height());
    }

    /** A key frame as checked: a take's frame, or a decoded upload not yet stored. */
    private record CheckedKey(int width, int height, @Nullable KeyFrame take, @Nullable RgbImage upload,
                              String describe) {
        KeyFrame store(StoredFrames frames, long showId) {
            if (take != null) {
                return take;
            }
            return new KeyFrame(frames.storeStill(showId, upload).value(), 0, null);
        }
    }

    private @Nullable CheckedKey keyFrame(InputRules.Check check, String field, long showId,
                                          InbetweenRequest.@Nullable KeySource source) {
        switch (source) {
            case null -> {
                check.reject(field, "Choose a key frame");
                return null;
            }
            case InbetweenRequest.TakeFrame take -> {
                VariantSummary variant;
                try {
                    variant = variants.get(take.variantId());
                } catch (NotFoundException e) {
                    check.reject(field, "No take #" + take.variantId());
                    return null;
                }
                if (shots.get(variant.shotId()).showId() != showId) {
                    check.reject(field, "Take #" + take.variantId() + " is not of this show");
                    return null;
                }
                var recipe = variant.recipe();
                if (take.frame() < 0 || take.frame() >= recipe.frameCount()) {
                    check.reject(field, "Take #" + take.variantId() + " has frames 1 to " + recipe.frameCount());
                    return null;
                }
                return new CheckedKey(recipe.width(), recipe.height(),
                        new KeyFrame(variant.mediaKey(), take.frame(), variant.id()), null,
                        "#" + variant.id() + " frame " + (take.frame() + 1));
            }
            case InbetweenRequest.Upload upload -> {
                try {
                    var image = RgbImage.decodeUpload(upload.bytes());
                    var name = upload.fileName() == null ? "upload"
                            : upload.fileName().replaceAll("\\p{Cntrl}", "").strip();
                    name = name.length() > 80 ? name.substring(0, 80) : name;
                    return new CheckedKey(image.width(), image.height(), null, image, name);
                } catch (IllegalArgumentException e) {
                    check.reject(field, e.getMessage());
                    return null;
                }
            }
        }
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
