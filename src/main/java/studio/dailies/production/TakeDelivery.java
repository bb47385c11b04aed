package studio.dailies.production;

import org.apache.commons.csv.CSVPrinter;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.base.NotFoundException;
import studio.dailies.generation.VariantCatalog;
import studio.dailies.generation.VariantSummary;
import studio.dailies.media.MediaKey;
import studio.dailies.media.MediaStore;
import studio.dailies.security.ShowAccess;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One take delivered to editorial as a zip: its frames as a PNG sequence, an H.264 MP4 at the shot's fps (encoded by
 * jcodec, never by hand) and a manifest in JSON and CSV (shot, take, frames, fps, approval, recipe and model).
 * Producers and admins of the show download it; the file is written straight to the response, one frame at a time.
 */
@Service
@PreAuthorize("hasAnyRole('PRODUCER', 'ADMIN')")
public class TakeDelivery {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ShotService shots;
    private final VariantCatalog variants;
    private final MediaStore media;
    private final ShowAccess access;

    TakeDelivery(ShotService shots, VariantCatalog variants, MediaStore media, ShowAccess access) {
        this.shots = shots;
        this.variants = variants;
        this.media = media;
        this.access = access;
    }

    /** The zip's file name, once the user may have the take: {@code EP01_SH010_take42.zip}. */
    @Transactional(readOnly = true)
    public String fileName(long variantId) {
        var take = variants.get(variantId);
        var shot = shots.get(take.shotId());
        access.checkCanView(shot.showId());
        return shot.code() + "_take" + take.id() + ".zip";
    }

    /** Reads the take's rows in their own short transactions; the encoding holds no database connection. */
    public void writeZip(long variantId, OutputStream out) {
        var take = variants.get(variantId);
        var shot = shots.get(take.shotId());
        access.checkCanView(shot.showId());
        var key = new MediaKey(take.mediaKey());
        var prefix = shot.code() + "_take" + take.id();
        int frames = take.recipe().frameCount();
        try {
            var movie = Files.createTempFile("dailies-take-", ".mp4");
            try {
                var zip = new ZipOutputStream(out);
                var encoder = AWTSequenceEncoder.createSequenceEncoder(movie.toFile(), shot.fps());
                for (int i = 0; i < frames; i++) {
                    var frame = readFrame(key, i);
                    zip.putNextEntry(new ZipEntry(prefix + "/png/" + prefix + ".%04d.png".formatted(i)));
                    ImageIO.write(frame, "png", zip);
                    zip.closeEntry();
                    encoder.encodeImage(frame);
                }
                encoder.finish();
                zip.putNextEntry(new ZipEntry(prefix + "/" + prefix + ".mp4"));
                Files.copy(movie, zip);
                zip.closeEntry();
                var manifest = manifest(shot, take);
                zip.putNextEntry(new ZipEntry(prefix + "/manifest.json"));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(prefix + "/manifest.csv"));
                var csv = new CSVPrinter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), ShotListCsv.FORMAT);
                csv.printRecord(manifest.keySet());
                csv.printRecord(manifest.values().stream().map(v -> ShotListCsv.inert(String.valueOf(v))).toList());
                csv.flush();
                zip.closeEntry();
                zip.finish();
            } finally {
                Files.deleteIfExists(movie);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write take " + variantId, e);
        }
    }

    private BufferedImage readFrame(MediaKey key, int frame) throws IOException {
        var path = media.resolve(key, "f%04d.jpg".formatted(frame))
                .orElseThrow(() -> new NotFoundException("Frame " + frame + " of this take is not stored"));
        var image = ImageIO.read(path.toFile());
        if (image == null) {
            throw new IOException("Frame " + frame + " is not a readable image");
        }
        return image;
    }

    private static Map<String, Object> manifest(ShotDetails shot, VariantSummary take) {
        var recipe = take.recipe();
        var row = new LinkedHashMap<String, Object>();
        row.put("shot", shot.code());
        row.put("order", shot.position());
        row.put("take", take.id());
        row.put("approved", Long.valueOf(take.id()).equals(shot.approvedVariantId()));
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
}
