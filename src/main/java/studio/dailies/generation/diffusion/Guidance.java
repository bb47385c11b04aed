package studio.dailies.generation.diffusion;

import ai.djl.ndarray.NDArray;


/**
 * Classifier-free guidance: the UNet sees each latent twice in one batch, once with the prompt and once with
 * the negative prompt, and the prediction is pushed away from the negative one:
 * {@code uncond + g·(cond − uncond)}. At a guidance of 1 or less (diffusers' rule) there is no second half.
 */
final class Guidance {

    private Guidance() {
    }

    static boolean applies(double guidance) {
        return guidance > 1;
    }

    /** The UNet's batch: the latents twice (prompt half first) when guidance applies, else once. */
    static NDArray batch(NDArray latents, double guidance) {
        return applies(guidance) ? latents.concat(latents) : latents;
    }

    /**
     * One context row per latent in the batch: the prompt's embedding for the first half, the negative prompt's
     * for the second, each repeated for every frame.
     */
    static NDArray context(NDArray embeddings, double guidance, int frames) {
        var rows = applies(guidance) ? embeddings : embeddings.get("0:1");
        return rows.repeat(0, frames);
    }

    /** The guided prediction from the UNet's output on {@link #batch}. */
    static NDArray combine(NDArray output, double guidance) {
        if (!applies(guidance)) {
            return output;
        }
        var halves = output.split(2);
        var cond = halves.get(0);
        var uncond = halves.get(1);
        return uncond.add(cond.sub(uncond).mul((float) guidance));
    }
}
