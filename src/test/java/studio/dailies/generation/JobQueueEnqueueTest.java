package studio.dailies.generation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.access.AccessDeniedException;
import studio.dailies.base.InvalidInputException;
import studio.dailies.security.SystemUser;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@QueueContext
class JobQueueEnqueueTest extends QueueTestBase {

    @Test
    void aValidRequestIsQueuedForTheCurrentUserAuditedAndAnnouncedAfterCommit() {
        long jobId = enqueueAs("artist", 3);

        assertThat(state(jobId)).isEqualTo(JobState.QUEUED);
        assertThat(count("select requested_by from generation_jobs where id = ?", jobId)).isEqualTo(userId("artist"));
        assertThat(count("select show_id from generation_jobs where id = ?", jobId)).isEqualTo(showId);
        assertThat(count("select count(*) from activity_events where action = 'job.queued' and target_id = ? "
                + "and actor_id = ? and show_id = ?", jobId, userId("artist"), showId)).isEqualTo(1);
        assertThat(events.seen()).containsExactly(new JobQueued(jobId, shotId));
        assertThat(queue.queueDepth()).as("read without a login, as metrics do").isEqualTo(1);
    }

    @Test
    void theSystemQueuesJobsWithoutARequester() {
        long jobId = enqueueAsSystem(0);

        assertThat(jdbc.queryForObject("select requested_by from generation_jobs where id = ?", Long.class, jobId))
                .isNull();
        assertThat(jdbc.queryForObject("select actor_id from activity_events where action = 'job.queued' "
                + "and target_id = ?", Long.class, jobId)).isNull();
    }

    @Test
    void everyBrokenFieldIsNamedAtOnceAndNothingIsStored() {
        var bad = new JobRequest(showId, shotId, null,
                new Recipe("   ", "x".repeat(2001), -1, 63, 2000, 0, 61, 0, 31), " ", 9, 11);
        logins.as("artist");

        assertThatThrownBy(() -> queue.enqueue(bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(
                        "prompt", "negativePrompt", "seed", "width", "height", "frameCount", "fps", "steps",
                        "guidance", "modelId", "variantCount", "priority"));
        assertNothingStored();
    }

    static Stream<Arguments> brokenFields() {
        return Stream.of(
                arguments("prompt", (UnaryOperator<Recipe>) r -> withPrompt(r, "dawn\u0007 over hills")),
                arguments("prompt", (UnaryOperator<Recipe>) r -> withPrompt(r, "p".repeat(2001))),
                arguments("negativePrompt", (UnaryOperator<Recipe>) r -> new Recipe(r.prompt(), "blur\u001b", r.seed(),
                        r.width(), r.height(), r.frameCount(), r.fps(), r.steps(), r.guidance())),
                arguments("seed", (UnaryOperator<Recipe>) r -> withSeed(r, 1L << 48)),
                arguments("width", (UnaryOperator<Recipe>) r -> withSize(r, 644, 360)),
                arguments("width", (UnaryOperator<Recipe>) r -> withSize(r, 1928, 360)),
                arguments("height", (UnaryOperator<Recipe>) r -> withSize(r, 640, 56)),
                arguments("guidance", (UnaryOperator<Recipe>) r -> withGuidance(r, Double.NaN)),
                arguments("guidance", (UnaryOperator<Recipe>) r -> withGuidance(r, -0.5)));
    }

    @ParameterizedTest(name = "{0} is refused ({index})")
    @MethodSource("brokenFields")
    void aRecipeOutsideItsLimitsIsRefusedOnTheFieldThatBreaksThem(String field, UnaryOperator<Recipe> breakIt) {
        var request = request(0);
        var bad = new JobRequest(showId, shotId, null, breakIt.apply(request.recipe()), "procedural", 2, 0);
        logins.as("director");

        assertThatThrownBy(() -> queue.enqueue(bad))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys(field));
        assertNothingStored();
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        var edge = new Recipe("p".repeat(2000), "n".repeat(2000), (1L << 48) - 1, 1920, 64, 240, 60, 100, 30);
        logins.as("director");

        long high = queue.enqueue(new JobRequest(showId, shotId, null, edge, "procedural", 8, 10));
        long low = queue.enqueue(new JobRequest(showId, shotId, null,
                new Recipe("p", "", 0, 64, 1920, 1, 1, 1, 0), "procedural", 1, -10));

        assertThat(queue.jobsOfShot(shotId)).extracting(JobView::id).containsExactlyInAnyOrder(high, low);
    }

    @Test
    void thePromptsAreStoredWithoutSurroundingBlanks() {
        logins.as("artist");
        var padded = new Recipe("  dawn over hills \n", " blurry ", 7, 640, 360, 36, 24, 20, 7.5);

        long jobId = queue.enqueue(new JobRequest(showId, shotId, null, padded, "procedural", 1, 0));

        assertThat(queue.jobsOfShot(shotId)).singleElement().satisfies(job -> {
            assertThat(job.id()).isEqualTo(jobId);
            assertThat(job.prompt()).isEqualTo("dawn over hills");
        });
        assertThat(column(jobId, "negative_prompt")).isEqualTo("blurry");
    }

    @Test
    void theParentVariantMustBeATakeOfTheSameShot() {
        long otherShot = shotId("EP01_SH020");
        long jobOfOtherShot = SystemUser.call(() -> queue.enqueue(new JobRequest(showId, otherShot, null, recipe(1),
                "procedural", 1, 0)));
        long variantOfOtherShot = insertVariant(otherShot, jobOfOtherShot);
        logins.as("artist");

        assertThatThrownBy(() -> queue.enqueue(new JobRequest(showId, shotId, variantOfOtherShot, recipe(1),
                "procedural", 1, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("parentVariantId"));
        long child = queue.enqueue(new JobRequest(showId, otherShot, variantOfOtherShot, recipe(1), "procedural", 1, 0));
        assertThat(count("select parent_variant_id from generation_jobs where id = ?", child)).isEqualTo(variantOfOtherShot);
    }

    @Test
    void anUnknownShotIsRefusedOnTheShotField() {
        logins.as("director");

        assertThatThrownBy(() -> queue.enqueue(new JobRequest(showId, 999_999, null, recipe(1), "procedural", 1, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("shotId"));
        assertNothingStored();
    }

    @Test
    void aModelThatIsNotInstalledIsRefusedOnTheModelField() {
        logins.as("director");

        assertThatThrownBy(() -> queue.enqueue(new JobRequest(showId, shotId, null, recipe(1), "dreamweaver-xl", 1, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("modelId").containsEntry("modelId", "No model 'dreamweaver-xl' is installed"));
        assertNothingStored();
    }

    @Test
    void producersAndAdminsDoNotGenerate() {
        for (var user : new String[] {"producer", "admin"}) {
            logins.as(user);
            assertThatThrownBy(() -> queue.enqueue(request(0))).as(user).isInstanceOf(AccessDeniedException.class);
        }
        assertNothingStored();
    }

    @Test
    void theShotPageListsItsJobsNewestFirstAndTheQueueDepthCountsOnlyWaitingJobs() {
        long first = enqueueAs("artist", 0);
        clock.advance(Duration.ofSeconds(1));
        long second = enqueueAs("artist2", 0);
        clock.advance(Duration.ofSeconds(1));
        long third = enqueueAs("director", 0);
        claimId("worker-1");
        logins.as("producer");

        assertThat(queue.jobsOfShot(shotId)).extracting(JobView::id).containsExactly(third, second, first);
        assertThat(queue.jobsOfShot(shotId).getLast()).satisfies(job -> {
            assertThat(job.state()).isEqualTo(JobState.RUNNING);
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.requestedBy()).isEqualTo(userId("artist"));
            assertThat(job.variantCount()).isEqualTo(2);
            assertThat(job.seed()).isEqualTo(42);
            assertThat(job.startedAt()).isNotNull();
        });
        assertThat(queue.queueDepth()).isEqualTo(2);
    }

    private void assertNothingStored() {
        assertThat(count("select count(*) from generation_jobs")).isZero();
        assertThat(count("select count(*) from activity_events where target_type = 'job'")).isZero();
        assertThat(events.seen()).isEmpty();
    }

    private static Recipe withPrompt(Recipe r, String prompt) {
        return new Recipe(prompt, r.negativePrompt(), r.seed(), r.width(), r.height(), r.frameCount(), r.fps(),
                r.steps(), r.guidance());
    }

    private static Recipe withSeed(Recipe r, long seed) {
        return new Recipe(r.prompt(), r.negativePrompt(), seed, r.width(), r.height(), r.frameCount(), r.fps(),
                r.steps(), r.guidance());
    }

    private static Recipe withSize(Recipe r, int width, int height) {
        return new Recipe(r.prompt(), r.negativePrompt(), r.seed(), width, height, r.frameCount(), r.fps(),
                r.steps(), r.guidance());
    }

    private static Recipe withGuidance(Recipe r, double guidance) {
        return new Recipe(r.prompt(), r.negativePrompt(), r.seed(), r.width(), r.height(), r.frameCount(), r.fps(),
                r.steps(), guidance);
    }
}
