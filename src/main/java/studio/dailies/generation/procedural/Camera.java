package studio.dailies.generation.procedural;

import studio.dailies.generation.procedural.SceneSpec.CameraMove;

/**
 * The camera path of each take over the clip. A layer at depth d (0 = the sky, 1 = the nearest thing)
 * moves by d times a pan or tilt, so near things slide past far ones; a zoom scales every depth alike,
 * a dolly scales near things more. The prompt picks the move; the seed picks its speed (0.8–1.25×),
 * where a zoom or dolly aims and which way an unspecified pan goes. With no camera word at all, the
 * seed picks a gentle move: pan right, pan left, push in or pull out.
 */
final class Camera {

    /** Travel over the whole clip at speed 1: a pan moves the nearest layer 30 % of the frame width. */
    static final float PAN = 0.30f;
    static final float TILT = 0.16f;
    static final float ZOOM = 0.38f;
    static final float DOLLY = 0.42f;
    private static final float GENTLE = 0.6f;

    private final float[] pan;
    private final float[] tilt;
    private final float[] zoom;
    private final float[] dolly;
    private final float[] centreX;
    private final float[] centreY;

    Camera(CameraMove move, Variation variation) {
        int n = variation.batch();
        pan = new float[n];
        tilt = new float[n];
        zoom = new float[n];
        dolly = new float[n];
        var draws = variation.draws("camera");
        var pace = draws.uniform(0.8f, 1.25f);
        var side = draws.sign();
        centreX = draws.uniform(0.32f, 0.68f);
        centreY = draws.uniform(0.38f, 0.6f);
        var drift = draws.uniform(-0.03f, 0.03f);
        for (int b = 0; b < n; b++) {
            float speed = move.speed() * pace[b];
            int direction = move.direction();
            switch (move.move()) {
                case STATIC -> { }
                case PAN -> {
                    pan[b] = PAN * speed * (direction == 0 ? side[b] : direction);
                    tilt[b] = drift[b];
                }
                case TILT -> tilt[b] = TILT * speed * (direction == 0 ? 1 : direction);
                case ZOOM -> zoom[b] = ZOOM * speed * (direction == 0 ? 1 : direction);
                case DOLLY -> dolly[b] = DOLLY * speed * (direction == 0 ? 1 : direction);
                case AUTO -> {
                    float gentle = GENTLE * pace[b];
                    switch (variation.slot(b, 1)) {
                        case 0 -> pan[b] = PAN * gentle;
                        case 1 -> pan[b] = -PAN * gentle;
                        case 2 -> dolly[b] = DOLLY * gentle;
                        default -> zoom[b] = -ZOOM * gentle;
                    }
                }
            }
        }
    }

    /** Where each take's camera is at {@code tau} (0 at the first frame, 1 at the last). */
    Pose at(float tau) {
        return new Pose(tau);
    }

    /** The camera of every take at one moment. */
    final class Pose {
        private final float tau;

        private Pose(float tau) {
            this.tau = tau;
        }

        /** How much a layer at this depth is magnified. */
        float scale(int take, float depth) {
            float z = zoom[take] >= 0 ? 1f + zoom[take] * tau : 1f - zoom[take] * (1f - tau);
            float d = dolly[take] >= 0 ? 1f / (1f - dolly[take] * tau * depth)
                    : 1f / (1f + dolly[take] * (1f - tau) * depth);
            return z * d;
        }

        /** Horizontal travel of a layer at this depth, in frame widths (positive: the view moves right). */
        float shiftX(int take, float depth) {
            return pan[take] * tau * (0.02f + 0.98f * depth);
        }

        /** Vertical travel of a layer at this depth, in frame heights (negative: the view moves up). */
        float shiftY(int take, float depth) {
            return -tilt[take] * tau * (0.25f + 0.75f * depth);
        }

        float centreX(int take) {
            return centreX[take];
        }

        float centreY(int take) {
            return centreY[take];
        }
    }
}
