package studio.dailies.production;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.generation.VariantCatalog;
import studio.dailies.security.ShowAccess;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One take delivered to editorial as a zip ({@link EditorialFiles}: PNG sequence, H.264 MP4 at the shot's fps,
 * manifest in JSON and CSV). Producers and admins of the show download it; the file is written straight to the
 * response, one frame at a time. A whole episode is {@link EpisodeDelivery}.
 */
@Service
@PreAuthorize("hasAnyRole('PRODUCER', 'ADMIN')")
public class TakeDelivery {

    private final ShotService shots;
    private final VariantCatalog variants;
    private final ShowAccess access;
    private final EditorialFiles files;
    private final ApprovalRecords approvals;

    TakeDelivery(ShotService shots, VariantCatalog variants, ShowAccess access, EditorialFiles files,
                 ApprovalRecords approvals) {
        this.shots = shots;
        this.variants = variants;
        this.access = access;
        this.files = files;
        this.approvals = approvals;
    }

    /** The zip's file name, once the user may have the take: {@code EP01_SH010_take42.zip}. */
    @Transactional(readOnly = true)
    public String fileName(long variantId) {
        var take = variants.get(variantId);
        var shot = shots.get(take.shotId());
        access.checkCanView(shot.showId());
        return EditorialFiles.prefix(shot, take) + ".zip";
    }

    /** Reads the take's rows in their own short transactions; the encoding holds no database connection. */
    public void writeZip(long variantId, OutputStream out) {
        var take = variants.get(variantId);
        var shot = shots.get(take.shotId());
        access.checkCanView(shot.showId());
        var approval = approvals.latestApprovals(List.of(variantId)).get(variantId);
        var prefix = EditorialFiles.prefix(shot, take);
        try {
            var zip = new ChecksummedZip(out);
            files.writeTake(shot, take, prefix, zip, frame -> { });
            var manifest = EditorialFiles.manifestRow(shot, take, approval);
            manifest.put("mp4_sha256", zip.checksumOf(EditorialFiles.movieName(shot, take, prefix)));
            EditorialFiles.writeJson(zip, prefix + "/manifest.json", manifest);
            EditorialFiles.writeCsv(zip, prefix + "/manifest.csv", List.of(manifest));
            zip.finish(prefix + "/checksums.sha256", prefix + "/");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write take " + variantId, e);
        }
    }
}
