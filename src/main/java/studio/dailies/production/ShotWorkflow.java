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
import static studio.dailies.production.ShotStatus.PLANNED;

/**
 * The one place that knows how a shot's status may change and who may change it:
 * PLANNED → GENERATING → IN_REVIEW → APPROVED, CHANGES_REQUESTED back to GENERATING,
 * and a director may reopen an approval.
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

    private static final Map<ShotAction, Rule> RULES = Map.of(
            ShotAction.START_GENERATION, new Rule(EnumSet.of(PLANNED, GENERATING, IN_REVIEW, CHANGES_REQUESTED), GENERATING),
            ShotAction.VARIANTS_READY, new Rule(EnumSet.of(GENERATING, IN_REVIEW, CHANGES_REQUESTED), IN_REVIEW),
            ShotAction.APPROVE, new Rule(EnumSet.of(IN_REVIEW, CHANGES_REQUESTED), APPROVED),
            ShotAction.REQUEST_CHANGES, new Rule(EnumSet.of(IN_REVIEW), CHANGES_REQUESTED),
            ShotAction.REOPEN, new Rule(EnumSet.of(APPROVED), IN_REVIEW));

    private ShotWorkflow() {
    }

    /** Whether this actor may cause this action at all, before looking at the shot's status. */
    public static boolean mayCause(Actor actor, ShotAction action) {
        return switch (actor) {
            case SystemActor system -> action == ShotAction.START_GENERATION || action == ShotAction.VARIANTS_READY;
            case Person person -> switch (action) {
                case START_GENERATION -> person.role() == Role.DIRECTOR || (person.role() == Role.ARTIST && person.assigned());
                case APPROVE, REQUEST_CHANGES, REOPEN -> person.role() == Role.DIRECTOR;
                case VARIANTS_READY -> false;
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
        if (!mayCause(actor, action)) {
            throw new AccessDeniedException(describe(actor) + " may not " + action.verb() + " a shot");
        }
        var rule = RULES.get(action);
        if (!rule.from().contains(current)) {
            throw new NotNowException("A shot that is " + current.label().toLowerCase()
                    + " cannot " + action.verb());
        }
        return rule.to();
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
