package studio.dailies.bench.procedural1;

import studio.dailies.bench.procedural1.SceneSpec.TimeOfDay;

/** Colours and light for a time of day. */
record SceneLook(float[] skyTop, float[] skyHorizon, float[] sun, float sunHeight, float sunSize, float ambient) {

    static SceneLook of(TimeOfDay time) {
        return switch (time) {
            case DAWN -> new SceneLook(rgb(0.22f, 0.27f, 0.52f), rgb(0.98f, 0.66f, 0.47f), rgb(1f, 0.85f, 0.6f),
                    0.52f, 0.045f, 0.75f);
            case NOON -> new SceneLook(rgb(0.18f, 0.42f, 0.85f), rgb(0.68f, 0.84f, 0.97f), rgb(1f, 1f, 0.92f),
                    0.14f, 0.04f, 1.0f);
            case SUNSET -> new SceneLook(rgb(0.28f, 0.14f, 0.36f), rgb(1f, 0.48f, 0.2f), rgb(1f, 0.55f, 0.25f),
                    0.55f, 0.06f, 0.7f);
            case NIGHT -> new SceneLook(rgb(0.01f, 0.02f, 0.06f), rgb(0.05f, 0.07f, 0.17f), rgb(0.9f, 0.92f, 1f),
                    0.2f, 0.03f, 0.28f);
        };
    }

    private static float[] rgb(float r, float g, float b) {
        return new float[]{r, g, b};
    }
}
