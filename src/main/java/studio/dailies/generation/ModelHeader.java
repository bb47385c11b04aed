package studio.dailies.generation;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a studio model is, from the common part of its {@code manifest.json}: id, name, version, what it makes,
 * and the licence and source of its weights, which every take's provenance points back to.
 */
public record ModelHeader(String id, String name, String version, ModelKind kind, String licence, String source) {

    /** The manifest format this version of Dailies reads. */
    public static final int FORMAT = 1;

    public static ModelHeader read(ManifestFields fields) {
        int format = fields.positive("format");
        if (format != FORMAT) {
            throw fields.problem("format", "must be " + FORMAT + " (this Dailies reads format " + FORMAT + "), not " + format);
        }
        var kind = fields.choice("pipeline", ModelKind.class);
        if (kind == ModelKind.PROCEDURAL) {
            throw fields.problem("pipeline", "must be text-to-clip or interpolate");
        }
        return new ModelHeader(fields.id("id"), fields.text("name"), fields.text("version"), kind,
                fields.text("licence"), fields.text("source"));
    }

    /** The manifest's {@code sizes}: a non-empty list of {"width", "height"}, each a multiple of 8. */
    public static List<FrameSize> sizes(ManifestFields fields) {
        var node = fields.node("sizes");
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw fields.problem("sizes", "must list the frame sizes the parts were exported for, e.g. "
                    + "[{\"width\": 512, \"height\": 512}]");
        }
        var sizes = new ArrayList<FrameSize>();
        for (int i = 0; i < node.size(); i++) {
            int width = fields.positive("sizes." + i + ".width");
            int height = fields.positive("sizes." + i + ".height");
            if (width % 8 != 0 || height % 8 != 0) {
                throw fields.problem("sizes." + i, "must be a multiple of 8 on each side, not " + width + "×" + height);
            }
            sizes.add(new FrameSize(width, height));
        }
        return List.copyOf(sizes);
    }
}
