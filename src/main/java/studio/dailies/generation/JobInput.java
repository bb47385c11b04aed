package studio.dailies.generation;

/** What a job starts from, beside its recipe: the prompt alone, a take to vary, or two key frames. */
public sealed interface JobInput {

    JobKind kind();

    /** Text to clip: everything is in the recipe. */
    record TextToClip() implements JobInput {
        @Override
        public JobKind kind() {
            return JobKind.GENERATE;
        }
    }

    /** Take to take: the job's parent take noised to {@code strength} (0 keeps it, 1 keeps its rough layout only). */
    record Vary(double strength) implements JobInput {
        @Override
        public JobKind kind() {
            return JobKind.VARY;
        }
    }

    /** The frames between two key frames; the recipe's frame count is the fills plus the two keys. */
    record Inbetween(KeyFrame from, KeyFrame to) implements JobInput {
        @Override
        public JobKind kind() {
            return JobKind.INBETWEEN;
        }

        /** How many frames a recipe of {@code frameCount} frames fills between its keys. */
        public static int fills(int frameCount) {
            return frameCount - 2;
        }
    }

    JobInput TEXT = new TextToClip();
}
