package studio.dailies.generation.procedural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

import java.util.HashMap;
import java.util.Map;

/**
 * One frame being drawn: its time, the camera of every take, the canvas, and the coordinates a
 * layer at a given depth sees. World coordinates: u across in frame widths, v down in frame heights,
 * both 0–1 on the first frame of a still camera. Arrays made here belong to the frame's NDScope.
 */
final class Frame {

    final int index;
    /** 0 at the first frame, 1 at the last: narrative motion (camera, rising lanterns) runs on this. */
    final float tau;
    /** Seconds since the first frame: physical motion (rain, ripples, flicker) runs on this. */
    final float seconds;
    final int batch;
    final int width;
    final int height;
    final float aspect;
    final Stage stage;

    private final NDManager manager;
    private final NDArray x;
    private final NDArray y;
    private final Camera.Pose pose;
    private final NDArray canvas;
    private final Map<Float, NDArray[]> transforms = new HashMap<>();
    private float limit = 1f;

    /** @param canvas the frame's pixels, (channel, take, row, column) */
    Frame(NDManager manager, Stage stage, int index, float tau, float seconds, NDArray x, NDArray y, Camera.Pose pose,
          NDArray canvas) {
        this.manager = manager;
        this.stage = stage;
        this.index = index;
        this.tau = tau;
        this.seconds = seconds;
        this.x = x;
        this.y = y;
        this.pose = pose;
        this.canvas = canvas;
        var shape = canvas.getShape();
        this.batch = (int) shape.get(1);
        this.height = (int) shape.get(2);
        this.width = (int) shape.get(3);
        this.aspect = (float) width / height;
    }

    NDManager manager() {
        return manager;
    }

    /** Screen x of every column, (1, 1, W): for things at the camera (rain, snow) that no camera move shifts. */
    NDArray x() {
        return x;
    }

    /** Set by the renderer before each layer: farther layers need not paint below this screen height. */
    void limit(float screenY) {
        this.limit = screenY;
    }

    /** Horizontal world coordinate of every column for a layer at this depth, (B, 1, W). */
    NDArray u(float depth) {
        var t = transform(depth);
        return x.mul(t[0]).addi(t[1]);
    }

    /** Vertical world coordinate of every row of a band for a layer at this depth, (B, rows, 1). */
    NDArray v(float depth, Band band) {
        var t = transform(depth);
        return band.y.mul(t[0]).addi(t[2]);
    }

    /** A band given in screen heights, cut at the rows nearer layers cover. */
    Band band(float top, float bottom) {
        int from = Math.clamp((long) Math.floor(top * (height - 1)), 0, height);
        int to = Math.clamp((long) Math.ceil(Math.min(bottom, limit) * (height - 1)) + 1, 0, height);
        if (to <= from) {
            return new Band(from, from, y, canvas);
        }
        return new Band(from, to, y.get(new NDIndex(":, {}:{}, :", from, to)),
                canvas.get(new NDIndex(":, :, {}:{}, :", from, to)));
    }

    /** The band that shows world heights {@code top[take]}–{@code bottom[take]} of a layer at this depth. */
    Band rows(float depth, float[] top, float[] bottom) {
        float from = 1f, to = 0f;
        for (int b = 0; b < batch; b++) {
            from = Math.min(from, screenY(b, depth, top[b]));
            to = Math.max(to, screenY(b, depth, bottom[b]));
        }
        return band(from, to);
    }

    /** Where world height v of a layer at this depth shows on screen for one take. */
    float screenY(int take, float depth, float v) {
        float cy = pose.centreY(take);
        return (v - cy - pose.shiftY(take, depth)) * pose.scale(take, depth) + cy;
    }

    /** One value per take, (B, 1, 1). */
    NDArray perTake(float[] values) {
        return Nd.perVariant(manager, values);
    }

    float[] filled(float value) {
        var values = new float[batch];
        java.util.Arrays.fill(values, value);
        return values;
    }

    /** {1/scale, u offset, v offset} per take for a depth, (B, 1, 1) each. */
    private NDArray[] transform(float depth) {
        return transforms.computeIfAbsent(depth, d -> {
            var inverse = new float[batch];
            var du = new float[batch];
            var dv = new float[batch];
            for (int b = 0; b < batch; b++) {
                float i = 1f / pose.scale(b, d);
                inverse[b] = i;
                du[b] = pose.centreX(b) * (1f - i) + pose.shiftX(b, d);
                dv[b] = pose.centreY(b) * (1f - i) + pose.shiftY(b, d);
            }
            return new NDArray[]{perTake(inverse), perTake(du), perTake(dv)};
        });
    }
}
