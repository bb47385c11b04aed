package studio.dailies.generation;

/** How a generator reports progress and learns that it should stop. */
public interface GenerationProgress {

    /** Fraction done, 0 to 1. Callers throttle what they persist. */
    void report(double fraction);

    /** Checked between steps; true when the job was cancelled or the worker shuts down. */
    boolean cancelled();

    GenerationProgress NONE = new GenerationProgress() {
        @Override
        public void report(double fraction) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
