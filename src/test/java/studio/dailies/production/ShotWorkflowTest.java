package studio.dailies.production;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.access.AccessDeniedException;
import studio.dailies.production.ShotWorkflow.Person;
import studio.dailies.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static studio.dailies.production.ShotAction.APPROVE;
import static studio.dailies.production.ShotAction.REOPEN;
import static studio.dailies.production.ShotAction.REQUEST_CHANGES;
import static studio.dailies.production.ShotAction.START_GENERATION;
import static studio.dailies.production.ShotAction.VARIANTS_READY;
import static studio.dailies.production.ShotStatus.APPROVED;
import static studio.dailies.production.ShotStatus.CHANGES_REQUESTED;
import static studio.dailies.production.ShotStatus.GENERATING;
import static studio.dailies.production.ShotStatus.IN_REVIEW;
import static studio.dailies.production.ShotStatus.OMITTED;
import static studio.dailies.production.ShotStatus.ON_HOLD;
import static studio.dailies.production.ShotStatus.PLANNED;
import static studio.dailies.production.ShotAction.NOTHING_GENERATED;
import static studio.dailies.production.ShotAction.OMIT;
import static studio.dailies.production.ShotAction.PUT_ON_HOLD;
import static studio.dailies.production.ShotAction.RESUME;

class ShotWorkflowTest {

    private static final Person DIRECTOR = new Person(Role.DIRECTOR, false);
    private static final Person ASSIGNED_ARTIST = new Person(Role.ARTIST, true);

    @Test
    void aShotWalksTheHappyPathFromPlannedToApproved() {
        var status = ShotWorkflow.next(PLANNED, START_GENERATION, ASSIGNED_ARTIST);
        assertThat(status).isEqualTo(GENERATING);
        status = ShotWorkflow.next(status, VARIANTS_READY, ShotWorkflow.SYSTEM);
        assertThat(status).isEqualTo(IN_REVIEW);
        assertThat(ShotWorkflow.next(status, APPROVE, DIRECTOR)).isEqualTo(APPROVED);
    }

    @Test
    void changesRequestedLeadsBackToGeneratingAndThenToReview() {
        var status = ShotWorkflow.next(IN_REVIEW, REQUEST_CHANGES, DIRECTOR);
        assertThat(status).isEqualTo(CHANGES_REQUESTED);
        status = ShotWorkflow.next(status, START_GENERATION, ASSIGNED_ARTIST);
        assertThat(status).isEqualTo(GENERATING);
        assertThat(ShotWorkflow.next(status, VARIANTS_READY, ShotWorkflow.SYSTEM)).isEqualTo(IN_REVIEW);
    }

    @Test
    void aDirectorCanReopenAnApproval() {
        assertThat(ShotWorkflow.next(APPROVED, REOPEN, DIRECTOR)).isEqualTo(IN_REVIEW);
    }

    @Test
    void anApprovedShotCannotBeRegeneratedWithoutReopening() {
        assertThatThrownBy(() -> ShotWorkflow.next(APPROVED, START_GENERATION, DIRECTOR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A shot that is approved cannot start generating");
    }

    @Test
    void aPlannedShotCannotBeApproved() {
        assertThatThrownBy(() -> ShotWorkflow.next(PLANNED, APPROVE, DIRECTOR)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ARTIST", "PRODUCER", "ADMIN"})
    void onlyDirectorsApproveRequestChangesOrReopen(Role role) {
        var person = new Person(role, true);
        for (var action : new ShotAction[]{APPROVE, REQUEST_CHANGES, REOPEN}) {
            assertThat(ShotWorkflow.mayCause(person, action)).as("%s may %s", role, action).isFalse();
        }
        assertThatThrownBy(() -> ShotWorkflow.next(IN_REVIEW, APPROVE, person)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void artistsGenerateOnlyForShotsAssignedToThem() {
        assertThat(ShotWorkflow.mayCause(ASSIGNED_ARTIST, START_GENERATION)).isTrue();
        assertThatThrownBy(() -> ShotWorkflow.next(PLANNED, START_GENERATION, new Person(Role.ARTIST, false)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("not assigned");
    }

    @Test
    void onlyTheSystemReportsNewVariants() {
        for (var role : Role.values()) {
            assertThat(ShotWorkflow.mayCause(new Person(role, true), VARIANTS_READY)).isFalse();
        }
        assertThat(ShotWorkflow.mayCause(ShotWorkflow.SYSTEM, VARIANTS_READY)).isTrue();
        assertThat(ShotWorkflow.mayCause(ShotWorkflow.SYSTEM, APPROVE)).isFalse();
    }

    @Test
    void producersAndAdminsDoNotGenerate() {
        assertThat(ShotWorkflow.mayCause(new Person(Role.PRODUCER, true), START_GENERATION)).isFalse();
        assertThat(ShotWorkflow.mayCause(new Person(Role.ADMIN, true), START_GENERATION)).isFalse();
    }

    private static final Person PRODUCER = new Person(Role.PRODUCER, false);

    @Test
    void aProducerPutsAShotOnHoldAndTakesItBackToWhereItWas() {
        for (var before : new ShotStatus[]{PLANNED, GENERATING, IN_REVIEW, CHANGES_REQUESTED}) {
            var held = ShotWorkflow.next(before, PUT_ON_HOLD, PRODUCER);
            assertThat(held).isEqualTo(ON_HOLD);
            assertThat(ShotWorkflow.resume(held, before, PRODUCER)).isEqualTo(before);
        }
    }

    @Test
    void anyShotButAnOmittedOneCanBeOmittedEvenAnApprovedOrHeldOne() {
        for (var before : new ShotStatus[]{PLANNED, GENERATING, IN_REVIEW, CHANGES_REQUESTED, APPROVED, ON_HOLD}) {
            assertThat(ShotWorkflow.next(before, OMIT, PRODUCER)).as("omit from %s", before).isEqualTo(OMITTED);
        }
        assertThatThrownBy(() -> ShotWorkflow.next(OMITTED, OMIT, PRODUCER))
                .isInstanceOf(IllegalStateException.class).hasMessage("A shot that is omitted cannot be omitted");
        assertThat(ShotWorkflow.resume(OMITTED, APPROVED, PRODUCER)).isEqualTo(APPROVED);
    }

    @Test
    void anApprovedShotIsNotPutOnHoldAndOnlySetAsideShotsAreTakenBack() {
        assertThatThrownBy(() -> ShotWorkflow.next(APPROVED, PUT_ON_HOLD, PRODUCER))
                .isInstanceOf(IllegalStateException.class).hasMessage("A shot that is approved cannot be put on hold");
        assertThatThrownBy(() -> ShotWorkflow.resume(IN_REVIEW, PLANNED, PRODUCER))
                .isInstanceOf(IllegalStateException.class).hasMessage("A shot that is in review cannot be taken back");
        assertThatThrownBy(() -> ShotWorkflow.next(ON_HOLD, RESUME, PRODUCER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHeldOrOmittedShotNeitherGeneratesNorIsDecidedOn() {
        for (var aside : new ShotStatus[]{ON_HOLD, OMITTED}) {
            assertThatThrownBy(() -> ShotWorkflow.next(aside, START_GENERATION, DIRECTOR)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> ShotWorkflow.next(aside, APPROVE, DIRECTOR)).isInstanceOf(IllegalStateException.class);
            assertThat(ShotWorkflow.allows(aside, VARIANTS_READY)).as("new takes move a shot that is %s", aside).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"DIRECTOR", "ARTIST"})
    void onlyProducersAndAdminsHoldOmitOrTakeBack(Role role) {
        var person = new Person(role, true);
        assertThatThrownBy(() -> ShotWorkflow.next(PLANNED, PUT_ON_HOLD, person))
                .isInstanceOf(AccessDeniedException.class).hasMessageEndingWith("may not put a shot on hold");
        assertThatThrownBy(() -> ShotWorkflow.next(PLANNED, OMIT, person)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ShotWorkflow.resume(ON_HOLD, PLANNED, person)).isInstanceOf(AccessDeniedException.class);
        assertThat(ShotWorkflow.mayCause(new Person(Role.ADMIN, false), OMIT)).isTrue();
        assertThat(ShotWorkflow.mayCause(ShotWorkflow.SYSTEM, PUT_ON_HOLD)).isFalse();
    }

    @Test
    void generationThatEndsWithoutATakeGoesBackToPlannedAndOnlyTheSystemSaysSo() {
        assertThat(ShotWorkflow.next(GENERATING, NOTHING_GENERATED, ShotWorkflow.SYSTEM)).isEqualTo(PLANNED);
        assertThatThrownBy(() -> ShotWorkflow.next(IN_REVIEW, NOTHING_GENERATED, ShotWorkflow.SYSTEM))
                .isInstanceOf(IllegalStateException.class);
        for (var role : Role.values()) {
            assertThat(ShotWorkflow.mayCause(new Person(role, true), NOTHING_GENERATED)).isFalse();
        }
    }
}
