package studio.dailies.generation;

/** Everything that decides what a generator renders. Same recipe, same frames. */
public record Recipe(String prompt, String negativePrompt, long seed, int width, int height, int frameCount, int fps,
                     int steps, double guidance) {
}
