package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDManager;
import studio.dailies.generation.procedural.SceneSpec.TimeOfDay;

/**
 * The light of each take: sky colours, the sun or moon, the light that falls on the land and the
 * colour far things fade into. Each time of day has four lights; a take's seed picks one
 * ({@link Variation#slot}), so the four takes of a job are lit four ways while keeping the time of day.
 *
 * @param skyTop     colour at the top of the frame
 * @param skyHorizon colour at the horizon
 * @param sun        sun or moon colour
 * @param altitude   sun or moon height, 0 at the horizon, 1 at the top of the frame
 * @param size       disc radius in frame heights
 * @param ambient    how bright the land is, 0–1
 * @param tint       colour of the light falling on the land
 * @param haze       colour distant things fade into
 */
record SceneLook(float[] skyTop, float[] skyHorizon, float[] sun, float altitude, float size, float ambient,
                 float[] tint, float[] haze) {

    static SceneLook of(TimeOfDay time, int slot) {
        return switch (time) {
            case DAWN -> switch (slot) {
                case 0 -> look(0.24f, 0.25f, 0.52f, 0.98f, 0.70f, 0.62f, 1f, 0.88f, 0.70f, 0.16f, 0.05f, 0.8f,
                        0.98f, 0.86f, 0.88f, 0.95f, 0.76f, 0.74f);
                case 1 -> look(0.20f, 0.34f, 0.60f, 1f, 0.78f, 0.46f, 1f, 0.90f, 0.60f, 0.24f, 0.055f, 0.85f,
                        1f, 0.9f, 0.74f, 1f, 0.83f, 0.58f);
                case 2 -> look(0.30f, 0.40f, 0.62f, 0.82f, 0.84f, 0.90f, 1f, 0.96f, 0.86f, 0.32f, 0.045f, 0.78f,
                        0.86f, 0.92f, 1f, 0.82f, 0.86f, 0.93f);
                default -> look(0.33f, 0.24f, 0.55f, 0.96f, 0.68f, 0.78f, 1f, 0.84f, 0.80f, 0.1f, 0.06f, 0.74f,
                        0.94f, 0.84f, 0.96f, 0.9f, 0.72f, 0.85f);
            };
            case NOON -> switch (slot) {
                case 0 -> look(0.16f, 0.42f, 0.85f, 0.68f, 0.84f, 0.97f, 1f, 1f, 0.92f, 0.85f, 0.045f, 1f,
                        1f, 1f, 0.97f, 0.72f, 0.84f, 0.95f);
                case 1 -> look(0.32f, 0.53f, 0.82f, 0.93f, 0.89f, 0.78f, 1f, 0.97f, 0.84f, 0.7f, 0.05f, 1f,
                        1.05f, 1f, 0.88f, 0.92f, 0.88f, 0.8f);
                case 2 -> look(0.06f, 0.28f, 0.74f, 0.54f, 0.78f, 0.96f, 1f, 1f, 0.95f, 0.92f, 0.04f, 1.05f,
                        0.96f, 1f, 1.04f, 0.6f, 0.78f, 0.95f);
                default -> look(0.14f, 0.54f, 0.76f, 0.76f, 0.93f, 0.92f, 1f, 1f, 0.9f, 0.78f, 0.045f, 1f,
                        0.98f, 1.03f, 0.98f, 0.76f, 0.92f, 0.9f);
            };
            case SUNSET -> switch (slot) {
                case 0 -> look(0.28f, 0.14f, 0.38f, 1f, 0.50f, 0.22f, 1f, 0.64f, 0.30f, 0.13f, 0.07f, 0.68f,
                        1f, 0.76f, 0.6f, 0.95f, 0.55f, 0.4f);
                case 1 -> look(0.22f, 0.08f, 0.28f, 0.96f, 0.32f, 0.30f, 1f, 0.55f, 0.36f, 0.08f, 0.075f, 0.6f,
                        1f, 0.66f, 0.62f, 0.85f, 0.35f, 0.38f);
                case 2 -> look(0.36f, 0.30f, 0.52f, 1f, 0.74f, 0.32f, 1f, 0.82f, 0.42f, 0.2f, 0.065f, 0.74f,
                        1f, 0.86f, 0.6f, 1f, 0.75f, 0.45f);
                default -> look(0.24f, 0.30f, 0.56f, 1f, 0.60f, 0.62f, 1f, 0.76f, 0.62f, 0.1f, 0.07f, 0.66f,
                        0.98f, 0.8f, 0.84f, 0.95f, 0.62f, 0.66f);
            };
            case NIGHT -> switch (slot) {
                case 0 -> look(0.02f, 0.03f, 0.10f, 0.07f, 0.10f, 0.24f, 0.92f, 0.94f, 1f, 0.62f, 0.045f, 0.32f,
                        0.62f, 0.72f, 1f, 0.12f, 0.15f, 0.3f);
                case 1 -> look(0.04f, 0.02f, 0.13f, 0.15f, 0.08f, 0.30f, 1f, 0.95f, 0.84f, 0.45f, 0.05f, 0.3f,
                        0.75f, 0.65f, 1f, 0.18f, 0.12f, 0.34f);
                case 2 -> look(0.01f, 0.05f, 0.08f, 0.05f, 0.17f, 0.21f, 0.9f, 1f, 0.95f, 0.72f, 0.04f, 0.3f,
                        0.6f, 0.85f, 0.9f, 0.08f, 0.2f, 0.24f);
                default -> look(0.0f, 0.0f, 0.03f, 0.04f, 0.05f, 0.13f, 0.95f, 0.95f, 0.9f, 0.32f, 0.055f, 0.24f,
                        0.6f, 0.66f, 0.9f, 0.07f, 0.08f, 0.16f);
            };
        };
    }

    private static SceneLook look(float tr, float tg, float tb, float hr, float hg, float hb, float sr, float sg,
                                  float sb, float altitude, float size, float ambient, float lr, float lg, float lb,
                                  float zr, float zg, float zb) {
        return new SceneLook(new float[]{tr, tg, tb}, new float[]{hr, hg, hb}, new float[]{sr, sg, sb}, altitude, size,
                ambient, new float[]{lr, lg, lb}, new float[]{zr, zg, zb});
    }

    /** The looks of a batch as per-take colours. */
    record Batch(SceneLook[] looks, Rgb skyTop, Rgb skyHorizon, Rgb sun, Rgb light, Rgb haze) {

        static Batch of(NDManager manager, SceneLook[] looks) {
            int n = looks.length;
            var top = new float[n][];
            var horizon = new float[n][];
            var sun = new float[n][];
            var light = new float[n][];
            var haze = new float[n][];
            for (int b = 0; b < n; b++) {
                top[b] = looks[b].skyTop();
                horizon[b] = looks[b].skyHorizon();
                sun[b] = looks[b].sun();
                light[b] = new float[3];
                for (int c = 0; c < 3; c++) {
                    light[b][c] = looks[b].tint()[c] * looks[b].ambient();
                }
                haze[b] = looks[b].haze();
            }
            return new Batch(looks, Rgb.perTake(manager, top), Rgb.perTake(manager, horizon), Rgb.perTake(manager, sun),
                    Rgb.perTake(manager, light), Rgb.perTake(manager, haze));
        }

        float ambient(int take) {
            return looks[take].ambient();
        }
    }
}
