package studio.dailies.generation;

import studio.dailies.base.InputRules;
import studio.dailies.base.Text;

/**
 * The limits of a generation request, named by the fields a prompt editor shows. They keep one job
 * within what a single device renders in a reasonable time, and match the table's checks.
 */
final class JobRequestRules {

    static final int MAX_PROMPT = 2000;
    static final int MAX_MODEL_ID = 80;
    /** Seeds fit 48 bits: exact as a double (charts, JSON) and far more than anyone browses. */
    static final long MAX_SEED = (1L << 48) - 1;
    static final int MIN_SIZE = 64;
    static final int MAX_SIZE = 1920;
    static final int MAX_FRAMES = 240;
    static final int MAX_FPS = 60;
    static final int MAX_STEPS = 100;
    static final double MAX_GUIDANCE = 30;
    static final int MAX_VARIANTS = 8;
    static final int MAX_PRIORITY = 10;

    private JobRequestRules() {
    }

    /** The recipe as it will be stored and rendered: prompts without surrounding blanks. */
    static Recipe normalised(Recipe recipe) {
        return new Recipe(strip(recipe.prompt()), strip(recipe.negativePrompt()), recipe.seed(), recipe.width(),
                recipe.height(), recipe.frameCount(), recipe.fps(), recipe.steps(), recipe.guidance());
    }

    /** Adds every broken field of the request (its recipe already {@link #normalised}) to the check. */
    static void check(InputRules.Check check, JobRequest request, Recipe recipe) {
        var prompt = recipe.prompt();
        Text.check(check, "prompt", prompt, Text.Lines.MULTI);
        check.rejectIf(prompt.isEmpty(), "prompt", "Write a prompt")
                .rejectIf(prompt.length() > MAX_PROMPT, "prompt", "At most " + MAX_PROMPT + " characters");
        var negative = recipe.negativePrompt();
        Text.check(check, "negativePrompt", negative, Text.Lines.MULTI);
        check.rejectIf(negative.length() > MAX_PROMPT, "negativePrompt", "At most " + MAX_PROMPT + " characters");
        check.rejectIf(recipe.seed() < 0 || recipe.seed() > MAX_SEED, "seed", "Use a seed from 0 to " + MAX_SEED);
        checkSize(check, "width", recipe.width());
        checkSize(check, "height", recipe.height());
        check.rejectIf(outside(recipe.frameCount(), 1, MAX_FRAMES), "frameCount", "Use 1 to " + MAX_FRAMES + " frames")
                .rejectIf(outside(recipe.fps(), 1, MAX_FPS), "fps", "Use 1 to " + MAX_FPS + " fps")
                .rejectIf(outside(recipe.steps(), 1, MAX_STEPS), "steps", "Use 1 to " + MAX_STEPS + " steps")
                .rejectIf(!(recipe.guidance() >= 0 && recipe.guidance() <= MAX_GUIDANCE), "guidance",
                        "Use a guidance from 0 to " + (int) MAX_GUIDANCE);
        var model = request.modelId() == null ? "" : request.modelId();
        check.rejectIf(model.isBlank(), "modelId", "Choose a model")
                .rejectIf(model.length() > MAX_MODEL_ID || Text.problem(model, Text.Lines.SINGLE).isPresent(), "modelId",
                        "Use a model id of at most " + MAX_MODEL_ID + " plain characters");
        check.rejectIf(outside(request.variantCount(), 1, MAX_VARIANTS), "variantCount",
                        "Ask for 1 to " + MAX_VARIANTS + " variants")
                .rejectIf(outside(request.priority(), -MAX_PRIORITY, MAX_PRIORITY), "priority",
                        "Use a priority from -" + MAX_PRIORITY + " to " + MAX_PRIORITY);
    }

    private static void checkSize(InputRules.Check check, String field, int pixels) {
        check.rejectIf(outside(pixels, MIN_SIZE, MAX_SIZE) || pixels % 8 != 0, field,
                "Use " + MIN_SIZE + " to " + MAX_SIZE + " pixels, a multiple of 8");
    }

    private static boolean outside(int value, int min, int max) {
        return value < min || value > max;
    }

    private static String strip(String text) {
        // Callers outside the null-checked code may still pass null; Text.clean treats it as empty.
        return Text.clean(text);
    }
}
