package studio.dailies.review;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.activity.Activity;
import studio.dailies.activity.ActivityLog;
import studio.dailies.base.InputRules;
import studio.dailies.base.NotFoundException;
import studio.dailies.notes.NoteReads;
import studio.dailies.notes.NoteView;
import studio.dailies.base.Text;
import studio.dailies.generation.VariantCatalog;
import studio.dailies.production.GenerationRequest;
import studio.dailies.production.ShotGenerationService;
import studio.dailies.production.ShotService;
import studio.dailies.security.CurrentUser;

import java.time.Clock;
import java.util.List;

/**
 * A director's decisions on variants: approve one as the shot's pick, reject others with a reason,
 * reopen an approval. Each is one transaction that writes the decision, moves the shot through its
 * workflow and records the activity; open views hear of it after commit.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ReviewService {

    static final int MAX_REASON = 1000;
    /** How many new takes one click on "Vary" asks for. */
    public static final int VARY_COUNT = 4;

    private final DecisionRepository decisions;
    private final ShotService shots;
    private final VariantCatalog variants;
    private final InputRules rules;
    private final ShotGenerationService generation;
    private final ActivityLog activity;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DecisionDays decisionDays;
    private final NoteReads notes;

    ReviewService(DecisionRepository decisions, ShotService shots, VariantCatalog variants, InputRules rules,
                  ShotGenerationService generation, ActivityLog activity, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock,
                  DecisionDays decisionDays, NoteReads notes) {
        this.decisionDays = decisionDays;
        this.notes = notes;
        this.decisions = decisions;
        this.shots = shots;
        this.variants = variants;
        this.rules = rules;
        this.generation = generation;
        this.activity = activity;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('DIRECTOR')")
    @Transactional
    public void approve(long variantId) {
        var variant = variants.get(variantId);
        shots.approve(variant.shotId(), variantId);
        decide(variant.shotId(), variantId, Verdict.APPROVED, null);
    }

    @PreAuthorize("hasRole('DIRECTOR')")
    @Transactional
    public void reject(long variantId, String reason) {
        var variant = variants.get(variantId);
        var shot = shots.get(variant.shotId());   // checks membership of the show
        var why = Text.clean(reason);
        var check = rules.check();
        Text.check(check, "reason", why, Text.Lines.MULTI);
        check.rejectIf(why.isEmpty(), "reason", "Say why this take is rejected")
                .rejectIf(why.length() > MAX_REASON, "reason", "At most " + MAX_REASON + " characters")
                .rejectIf(variantId == (shot.approvedVariantId() == null ? -1 : shot.approvedVariantId()), "reason",
                        "This take is the shot's approved pick; reopen the shot first")
                .throwIfInvalid();
        decide(shot.id(), variantId, Verdict.REJECTED, why);
    }

    @PreAuthorize("hasRole('DIRECTOR')")
    @Transactional
    public void reopen(long shotId) {
        var previous = shots.reopen(shotId);
        if (previous != null) {
            decide(shotId, previous, Verdict.REOPENED, null);
        }
    }

    /**
     * Queues new takes from an edited recipe; they record the take they came from as their parent, and the frame
     * note they answer when the request names one (a live note of this shot). The shot's workflow decides who may
     * (directors, and the artist assigned to the shot).
     */
    @Transactional
    public long regenerate(long parentVariantId, GenerationRequest request) {
        var parent = variants.get(parentVariantId);
        if (request.noteId() != null) {
            NoteView note = null;
            try {
                note = notes.note(request.noteId());
            } catch (NotFoundException unknown) {
                // said below, on the field
            }
            rules.check().rejectIf(note == null || note.shotId() != parent.shotId() || note.deleted(), "noteId",
                    "The note is not a note on this shot (any more)").throwIfInvalid();
        }
        return generation.generate(parent.shotId(), new GenerationRequest(request.prompt(), request.negativePrompt(),
                request.seed(), request.variantCount(), request.steps(), parentVariantId, request.noteId()));
    }

    /** "Vary": the same prompt with new seeds, as children of this take. */
    @Transactional
    public long vary(long variantId) {
        var recipe = variants.get(variantId).recipe();
        return regenerate(variantId, new GenerationRequest(recipe.prompt(), recipe.negativePrompt(), null, VARY_COUNT,
                recipe.steps(), variantId));
    }

    @Transactional(readOnly = true)
    public List<DecisionView> decisionsOf(long shotId) {
        shots.get(shotId);
        return decisions.findByShotIdOrderByDecidedAtDescIdDesc(shotId).stream().map(Decision::toView).toList();
    }

    private void decide(long shotId, long variantId, Verdict verdict, @Nullable String reason) {
        long director = currentUser.id();
        var now = clock.instant();
        decisions.save(new Decision(variantId, shotId, verdict, reason, director, now));
        var shot = shots.get(shotId);
        decisionDays.count(shot.showId(), shot.episodeId(), director, now);
        activity.record(new Activity(director, "variant." + verdict.name().toLowerCase(java.util.Locale.ROOT),
                "variant", variantId, null, reason));
        events.publishEvent(new VariantDecided(shotId, variantId, verdict, director));
    }
}
