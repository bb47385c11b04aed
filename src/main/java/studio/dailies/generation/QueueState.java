package studio.dailies.generation;

/** The queue at a glance for the people who steer it: paused or not, and its live jobs in the shows they see. */
public record QueueState(boolean paused, long waiting, long running) {
}
