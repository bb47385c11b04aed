package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The composition every layer of a take shares: where the horizon lies, where the sun or moon stands
 * (and so which side the key light comes from), and the take's light. Drawn once per job.
 */
final class Stage {

    final SceneSpec spec;
    final SceneLook.Batch look;
    /** World height of the horizon per take, 0 top – 1 bottom. */
    final float[] horizon;
    final NDArray horizonT;
    /** Sun or moon position across the frame per take. */
    final float[] sunX;
    final NDArray sunXT;
    /** +1 where the light comes from the right, −1 from the left: the lit side of roofs, dunes and ridges. */
    final float[] lightSide;
    final NDArray lightSideT;
    final int batch;

    Stage(NDManager manager, SceneSpec spec, Variation variation) {
        this.spec = spec;
        this.batch = variation.batch();
        var looks = new SceneLook[batch];
        horizon = new float[batch];
        sunX = new float[batch];
        lightSide = new float[batch];
        var draws = variation.draws("stage");
        float[] sunSlots = {0.18f, 0.4f, 0.62f, 0.84f};
        float[] horizonSlots = spec.hasWater() ? new float[]{0.5f, 0.56f, 0.53f, 0.6f}
                : new float[]{0.56f, 0.64f, 0.6f, 0.68f};
        for (int b = 0; b < batch; b++) {
            looks[b] = SceneLook.of(spec.time(), variation.slot(b, 0));
            sunX[b] = sunSlots[variation.slot(b, 2)] + draws.uniform(b, -0.05f, 0.05f);
            horizon[b] = horizonSlots[variation.slot(b, 3)] + draws.uniform(b, -0.02f, 0.02f);
            lightSide[b] = sunX[b] < 0.5f ? -1f : 1f;
        }
        this.look = SceneLook.Batch.of(manager, looks);
        this.horizonT = Nd.perVariant(manager, horizon);
        this.sunXT = Nd.perVariant(manager, sunX);
        this.lightSideT = Nd.perVariant(manager, lightSide);
    }
}
