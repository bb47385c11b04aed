package studio.dailies.production;

import org.apache.commons.csv.CSVPrinter;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import studio.dailies.base.NotFoundException;
import studio.dailies.generation.VariantSummary;
import studio.dailies.media.MediaKey;
import studio.dailies.media.MediaStore;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * What editorial receives of a take, shared by the single-take download and the episode package: its frames as a
 * PNG sequence, an H.264 MP4 at the shot's fps (jcodec, never a hand-written encoder) and manifest rows written as
 * JSON and CSV. Callers check access and read the rows; this class only reads media and writes zip entries.
 */
@Component
class EditorialFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MediaStore media;

    EditorialFiles(MediaStore media) {
        this.media = media;
    }

    /** The folder (and file prefix) of a take in a zip: {@code EP01_SH010_take42}. */
    static String prefix(ShotDetails shot, VariantSummary take) {
        return shot.code() + "_take" + take.id();
    }

    /**
     * Writes {@code folder/png/<prefix>.0000.png…} and {@code folder/<prefix>.mp4}, one frame at a time (the MP4 goes
     * through a temporary file, as the encoder seeks). Tells {@code onFrame} after each frame.
     */
    void writeTake(ShotDetails shot, VariantSummary take, String folder, ChecksummedZip zip, IntConsumer onFrame)
            throws IOException {
        var prefix = prefix(shot, take);
        int frames = take.recipe().frameCount();
        var movie = Files.createTempFile("dailies-take-", ".mp4");
        try {
            var encoder = AWTSequenceEncoder.createSequenceEncoder(movie.toFile(), shot.fps());
            for (int i = 0; i < frames; i++) {
                var frame = frame(take, i);
                var png = new ByteArrayOutputStream();
                ImageIO.write(frame, "png", png);
                zip.put(folder + "/png/" + prefix + ".%04d.png".formatted(i), png.toByteArray());
                encoder.encodeImage(frame);
                onFrame.accept(i);
            }
            encoder.finish();
            zip.put(movieName(shot, take, folder), movie);
        } finally {
            Files.deleteIfExists(movie);
        }
    }

    static String movieName(ShotDetails shot, VariantSummary take, String folder) {
        return folder + "/" + prefix(shot, take) + ".mp4";
    }

    /** One stored frame of the take, decoded. */
    BufferedImage frame(VariantSummary take, int frame) throws IOException {
        var path = media.resolve(new MediaKey(take.mediaKey()), "f%04d.jpg".formatted(frame))
                .orElseThrow(() -> new NotFoundException("Frame " + frame + " of take " + take.id() + " is not stored"));
        var image = ImageIO.read(path.toFile());
        if (image == null) {
            throw new IOException("Frame " + frame + " of take " + take.id() + " is not a readable image");
        }
        return image;
    }

    /** One manifest row: shot, order, take, frames, fps, approver and time, recipe and model. */
    static Map<String, Object> manifestRow(ShotDetails shot, VariantSummary take,
                                           ApprovalRecords.@Nullable Approval approval) {
        var recipe = take.recipe();
        var row = new LinkedHashMap<String, Object>();
        row.put("shot", shot.code());
        row.put("order", shot.position());
        row.put("take", take.id());
        row.put("approved", Long.valueOf(take.id()).equals(shot.approvedVariantId()));
        row.put("approved_by", approval == null ? "" : approval.approver());
        row.put("approved_at", approval == null ? "" : approval.approvedAt().toString());
        row.put("frames", recipe.frameCount());
        row.put("fps", shot.fps());
        row.put("width", recipe.width());
        row.put("height", recipe.height());
        row.put("created", take.createdAt().toString());
        row.put("prompt", recipe.prompt());
        row.put("negative_prompt", recipe.negativePrompt());
        row.put("seed", recipe.seed());
        row.put("steps", recipe.steps());
        row.put("guidance", recipe.guidance());
        row.put("model", take.model().modelId());
        row.put("model_version", take.model().version());
        row.put("weights_sha256", take.model().weightsSha256());
        return row;
    }

    /** {@code name} as pretty JSON: the object itself, or an array when there are several rows. */
    static void writeJson(ChecksummedZip zip, String name, Object value) throws IOException {
        zip.put(name, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
    }

    /** {@code name} as CSV with the first row's keys as the header; every cell made inert for spreadsheets. */
    static void writeCsv(ChecksummedZip zip, String name, List<Map<String, Object>> rows) throws IOException {
        var text = new StringWriter();
        try (var csv = new CSVPrinter(text, ShotListCsv.FORMAT)) {
            if (!rows.isEmpty()) {
                csv.printRecord(rows.getFirst().keySet());
            }
            for (var row : rows) {
                csv.printRecord(row.values().stream().map(v -> ShotListCsv.inert(String.valueOf(v))).toList());
            }
        }
        zip.put(name, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
