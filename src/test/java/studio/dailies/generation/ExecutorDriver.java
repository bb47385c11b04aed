package studio.dailies.generation;

import studio.dailies.security.SystemUser;

/**
 * For tests of other features: runs the queued jobs on the test's thread, as one more worker (the background
 * workers are off in tests). A test imports it with {@code @Import(ExecutorDriver.class)}.
 */
public class ExecutorDriver {

    private final GenerationExecutor executor;

    ExecutorDriver(GenerationExecutor executor) {
        this.executor = executor;
    }

    /** Runs jobs until none is due; returns how many ran. */
    public int runQueuedJobs() {
        int ran = 0;
        while (SystemUser.call(executor::runOne)) {
            ran++;
        }
        return ran;
    }
}
