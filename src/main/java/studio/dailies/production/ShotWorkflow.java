package studio.dailies.production;

import studio.dailies.base.NotNowException;
import org.springframework.security.access.AccessDeniedException;
import studio.dailies.security.Role;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static studio.dailies.production.ShotStatus.APPROVED;
import static studio.dailies.production.ShotStatus.CHANGES_REQUESTED;
import static studio.dailies.production.ShotStatus.GENERATING;
import static studio.dailies.production.ShotStatus.IN_REVIEW;
import static studio.dailies.production.ShotStatus.OMITTED;
import static studio.dailies.production.ShotStatus.ON_HOLD;
import static studio.dailies.production.ShotStatus.PLANNED;

/**
 * The one place that knows how a shot's status may change and who may change it:
 * PLANNED → GENERATING → IN_REVIEW → APPROVED, CHANGES_REQUESTED back to GENERATING,
 * and a director may reopen an approval. Generation that ends without a take goes back to PLANNED.
 * A producer (or an admin) may put a shot ON_HOLD or OMIT it, with a reason, and take it back to the
 * status it had before ({@link #resume}).
 */
public final class ShotWorkflow {

    /** Who causes a transition: a person in a role, or the system (the generation executor). */
    public sealed interface Actor permits Person, SystemActor {
    }

    /** {@code assigned} says whether the shot is assigned to this person. */
    public record Person(Role role, boolean assigned) implements Actor {
    }

    public record SystemActor() implements Actor {
    }

    public static final Actor SYSTEM = new SystemActor();

    private record Rule(Set<ShotStatus> from, ShotStatus to) {
    }

    /** RESUME has no fixed target: it goes back to the status the shot had before ({@link #resume}). */
    private static final Map<ShotAction, Rule> RULES = Map.of(
            ShotAction.START_GENERATION, new Rule(EnumSet.of(PLANNED, GENERATING, IN_REVIEW, CHANGES_REQUESTED), GENERATING),
            ShotAction.VARIANTS_READY, new Rule(EnumSet.of(GENERATING, IN_REVIEW, CHANGES_REQUESTED), IN_REVIEW),
            ShotAction.NOTHING_GENERATED, new Rule(EnumSet.of(GENERATING), PLANNED),
            ShotAction.APPROVE, new Rule(EnumSet.of(IN_REVIEW, CHANGES_REQUESTED), APPROVED),
            ShotAction.REQUEST_CHANGES, new Rule(EnumSet.of(IN_REVIEW), CHANGES_REQUESTED),
            ShotAction.REOPEN, new Rule(EnumSet.of(APPROVED), IN_REVIEW),
            ShotAction.PUT_ON_HOLD, new Rule(EnumSet.of(PLANNED, GENERATING, IN_REVIEW, CHANGES_REQUESTED), ON_HOLD),
            ShotAction.OMIT, new Rule(EnumSet.of(PLANNED, GENERATING, IN_REVIEW, CHANGES_REQUESTED, APPROVED, ON_HOLD),
                    OMITTED),
            ShotAction.RESUME, new Rule(EnumSet.of(ON_HOLD, OMITTED), PLANNED));

    /** Where a held or omitted shot may be taken back to: any status it can have been set aside from. */
    private static final Set<ShotStatus> RESUMABLE = EnumSet.of(PLANNED, GENERATING, IN_REVIEW, CHANGES_REQUESTED,
            APPROVED);

    private ShotWorkflow() {
    }

    /** Whether this actor may cause this action at all, before looking at the shot's status. */
    public static boolean mayCause(Actor actor, ShotAction action) {
        return switch (actor) {
            case SystemActor system -> action == ShotAction.START_GENERATION || action == ShotAction.VARIANTS_READY
                    || action == ShotAction.NOTHING_GENERATED;
            case Person person -> switch (action) {
                case START_GENERATION -> person.role() == Role.DIRECTOR || (person.role() == Role.ARTIST && person.assigned());
                case APPROVE, REQUEST_CHANGES, REOPEN -> person.role() == Role.DIRECTOR;
                case PUT_ON_HOLD, OMIT, RESUME -> person.role() == Role.PRODUCER || person.role() == Role.ADMIN;
                case VARIANTS_READY, NOTHING_GENERATED -> false;
            };
        };
    }

    /**
     * The status after the action.
     *
     * @throws AccessDeniedException when the actor's role may not cause the action
     * @throws NotNowException when the shot's status does not allow it now
     */
    public static ShotStatus next(ShotStatus current, ShotAction action, Actor actor) {
        if (action == ShotAction.RESUME) {
            throw new IllegalArgumentException("A shot is taken back to its earlier status: use resume");
        }
        return check(current, action, actor).to();
    }

    /**
     * The status a held or omitted shot goes back to: the one it had when it was set aside.
     *
     * @throws AccessDeniedException when the actor's role may not take shots back
     * @throws NotNowException when the shot is not held or omitted
     */
    public static ShotStatus resume(ShotStatus current, ShotStatus before, Actor actor) {
        check(current, ShotAction.RESUME, actor);
        if (!RESUMABLE.contains(before)) {
            throw new IllegalArgumentException("A shot is never set aside from " + before);
        }
        return before;
    }

    private static Rule check(ShotStatus current, ShotAction action, Actor actor) {
        if (!mayCause(actor, action)) {
            throw new AccessDeniedException(describe(actor) + " may not " + action.deed());
        }
        var rule = RULES.get(action);
        if (!rule.from().contains(current)) {
            throw new NotNowException("A shot that is " + current.label().toLowerCase() + " cannot " + action.verb());
        }
        return rule;
    }

    public static boolean allows(ShotStatus current, ShotAction action) {
        return RULES.get(action).from().contains(current);
    }

    private static String describe(Actor actor) {
        return switch (actor) {
            case SystemActor system -> "The system";
            case Person person -> person.role() == Role.ARTIST && !person.assigned()
                    ? "An artist who is not assigned to the shot" : "A " + person.role().label().toLowerCase();
        };
    }
}
