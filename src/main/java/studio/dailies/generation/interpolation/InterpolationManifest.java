package studio.dailies.generation.interpolation;

import org.jspecify.annotations.Nullable;
import studio.dailies.generation.FrameSize;
import studio.dailies.generation.ManifestFields;
import studio.dailies.generation.ModelHeader;
import studio.dailies.generation.ModelKind;

import java.nio.file.Path;
import java.util.List;

/**
 * The manifest of an interpolation model folder: one part, {@code forward(frame0, frame1, t)} with RGB frames in
 * 0..1 of shape (1, 3, H, W) and t of shape (1, 1, 1, 1), the sizes it was exported for, and how many frames it
 * may fill between two keys.
 */
public record InterpolationManifest(ModelHeader header, Path folder, Path interpolator, List<FrameSize> sizes,
                                    int maxInbetweens) {

    public InterpolationManifest {
        sizes = List.copyOf(sizes);
    }

    public static InterpolationManifest read(Path folder) {
        var fields = ManifestFields.read(folder);
        var header = ModelHeader.read(fields);
        if (header.kind() != ModelKind.INTERPOLATE) {
            throw fields.problem("pipeline", "must be interpolate for an interpolation model, not " + header.kind());
        }
        return new InterpolationManifest(header, folder, fields.existingFile("parts.interpolator.file"),
                ModelHeader.sizes(fields), fields.positive("max_inbetweens"));
    }

    /** Why this model cannot fill {@code inbetweens} frames between keys of this size, or null when it can. */
    public @Nullable String problemWith(int width, int height, int inbetweens) {
        if (!sizes.contains(new FrameSize(width, height))) {
            return "Model '" + header.id() + "' interpolates " + sizes + " frames, not " + new FrameSize(width, height);
        }
        if (inbetweens < 1 || inbetweens > maxInbetweens) {
            return "Model '" + header.id() + "' fills 1 to " + maxInbetweens + " frames between two keys, not " + inbetweens;
        }
        return null;
    }
}
