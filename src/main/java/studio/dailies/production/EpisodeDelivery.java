package studio.dailies.production;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import studio.dailies.base.NotNowException;
import studio.dailies.generation.VariantCatalog;
import studio.dailies.generation.VariantSummary;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An episode delivered to editorial as one package: every approved shot's approved take in shot order (PNG sequence
 * and H.264 MP4 at the shot's fps, through {@link EditorialFiles}), a manifest in CSV and JSON, a contact sheet PDF
 * and the SHA-256 of every file. Producers and admins of the show start it; it is built in the background, one
 * package at a time, as the user who asked (their security context travels with the task), never in a web request.
 * Packages are kept under {@code dailies.delivery.root} to be downloaded again; a failed build leaves its reason there.
 */
@Service
@PreAuthorize("hasAnyRole('PRODUCER', 'ADMIN')")
public class EpisodeDelivery {

    public enum State { NONE, BUILDING, READY, FAILED }

    /**
     * Where an episode's package stands. While building, {@code done} of {@code total} frames are written
     * ({@code total} is 0 until the takes are read); {@code detail} is the reason of a failed build.
     */
    public record PackageStatus(State state, int done, int total, @Nullable String detail, @Nullable Instant builtAt,
                                long bytes) {

        public double fraction() {
            return total == 0 ? 0 : Math.min(1, (double) done / total);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EpisodeDelivery.class);

    private final EpisodeService episodes;
    private final ShotService shots;
    private final VariantCatalog variants;
    private final ApprovalRecords approvals;
    private final EditorialFiles files;
    private final Clock clock;
    private final Path root;
    private final ExecutorService builder;
    private final Map<Long, Build> building = new ConcurrentHashMap<>();

    EpisodeDelivery(EpisodeService episodes, ShotService shots, VariantCatalog variants, ApprovalRecords approvals,
                    EditorialFiles files, Clock clock, DeliveryProperties properties) {
        this.episodes = episodes;
        this.shots = shots;
        this.variants = variants;
        this.approvals = approvals;
        this.files = files;
        this.clock = clock;
        this.root = properties.root();
        // One build at a time: encoding is CPU-bound, and the machine also serves reviews and runs generation.
        this.builder = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("episode-delivery").daemon().factory());
    }

    /**
     * Starts building the episode's package unless it is already being built; returns at once. Refused while no
     * shot of the episode is approved.
     */
    public PackageStatus start(long episodeId) {
        var episode = visibleEpisode(episodeId);
        if (approvedShots(episodeId).isEmpty()) {
            throw new NotNowException("No shot of " + code(episode) + " is approved yet: there is nothing to deliver");
        }
        var build = new Build();
        if (building.putIfAbsent(episodeId, build) == null) {
            try {
                // The build runs as the user who asked, with a copy of their authentication taken now.
                var asker = SecurityContextHolder.createEmptyContext();
                asker.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
                build.future = builder.submit(new DelegatingSecurityContextRunnable(() -> build(episode, build), asker));
            } catch (RuntimeException e) {
                building.remove(episodeId);
                throw e;
            }
        }
        return status(episodeId);
    }

    public PackageStatus status(long episodeId) {
        visibleEpisode(episodeId);
        var build = building.get(episodeId);
        if (build != null) {
            return new PackageStatus(State.BUILDING, build.done.get(), build.total, null, null, 0);
        }
        try {
            var zip = packagePath(episodeId);
            if (Files.exists(zip)) {
                return new PackageStatus(State.READY, 0, 0, null, Files.getLastModifiedTime(zip).toInstant(),
                        Files.size(zip));
            }
            var failure = failurePath(episodeId);
            if (Files.exists(failure)) {
                return new PackageStatus(State.FAILED, 0, 0, Files.readString(failure, StandardCharsets.UTF_8),
                        Files.getLastModifiedTime(failure).toInstant(), 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the package of episode " + episodeId, e);
        }
        return new PackageStatus(State.NONE, 0, 0, null, null, 0);
    }

    /** The download's file name: {@code EP01_editorial.zip}. */
    public String fileName(long episodeId) {
        return code(visibleEpisode(episodeId)) + "_editorial.zip";
    }

    /** Copies the built package to {@code out}; refused while there is none. */
    public void writeTo(long episodeId, OutputStream out) {
        var episode = visibleEpisode(episodeId);
        try {
            Files.copy(packagePath(episodeId), out);
        } catch (NoSuchFileException e) {
            throw new NotNowException("The package of " + code(episode) + " is not built yet");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not send the package of " + code(episode), e);
        }
    }

    /** The build in flight for this episode, for tests that wait for it. */
    Optional<Future<?>> inFlight(long episodeId) {
        return Optional.ofNullable(building.get(episodeId)).map(b -> b.future);
    }

    private void build(Episode episode, Build progress) {
        long episodeId = episode.id();
        var part = root.resolve("episode-" + episodeId + ".zip.part");
        try {
            Files.createDirectories(root);
            var approved = approvedShots(episodeId);
            var takes = new ArrayList<VariantSummary>();
            for (var shot : approved) {
                takes.add(variants.get(shot.approvedVariantId()));
            }
            var approvalsByTake = approvals.latestApprovals(takes.stream().map(VariantSummary::id).toList());
            progress.total = takes.stream().mapToInt(t -> t.recipe().frameCount()).sum();
            var base = code(episode) + "_editorial/";
            var rows = new ArrayList<Map<String, Object>>();
            var cells = new ArrayList<ContactSheet.Cell>();
            try (var out = new BufferedOutputStream(Files.newOutputStream(part))) {
                var zip = new ChecksummedZip(out);
                for (int i = 0; i < approved.size(); i++) {
                    var shot = approved.get(i);
                    var take = takes.get(i);
                    var approval = approvalsByTake.get(take.id());
                    var folder = base + EditorialFiles.prefix(shot, take);
                    files.writeTake(shot, take, folder, zip, frame -> progress.done.incrementAndGet());
                    var row = EditorialFiles.manifestRow(shot, take, approval);
                    row.put("mp4_sha256", zip.checksumOf(EditorialFiles.movieName(shot, take, folder)));
                    rows.add(row);
                    cells.add(new ContactSheet.Cell(
                            ContactSheet.still(files.frame(take, take.recipe().frameCount() / 2)),
                            shot.code() + "  take " + take.id(),
                            take.recipe().frameCount() + " frames @ " + shot.fps() + " fps"
                                    + (approval == null ? "" : ", " + approval.approver())));
                }
                var manifest = new LinkedHashMap<String, Object>();
                manifest.put("episode", code(episode));
                manifest.put("title", episode.title());
                manifest.put("built_at", Instant.now(clock).toString());
                manifest.put("shots", rows);
                EditorialFiles.writeJson(zip, base + "manifest.json", manifest);
                EditorialFiles.writeCsv(zip, base + "manifest.csv", rows);
                zip.put(base + "contact_sheet.pdf",
                        ContactSheet.pdf(code(episode) + "  " + episode.title() + "  contact sheet", cells));
                zip.finish(base + "checksums.sha256", base);
            }
            Files.move(part, packagePath(episodeId), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(failurePath(episodeId));
        } catch (Exception e) {
            log.warn("Package of episode {} failed", episodeId, e);
            try {
                Files.deleteIfExists(part);
                Files.deleteIfExists(packagePath(episodeId));
                Files.writeString(failurePath(episodeId), reason(e), StandardCharsets.UTF_8);
            } catch (IOException again) {
                log.warn("Could not record the failure of episode {}'s package", episodeId, again);
            }
        } finally {
            building.remove(episodeId);
        }
    }

    private static String reason(Exception e) {
        var message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private List<ShotDetails> approvedShots(long episodeId) {
        return shots.board(episodeId, ShotFilter.NONE.withStatuses(Set.of(ShotStatus.APPROVED)), Pageable.unpaged())
                .getContent().stream().filter(s -> s.approvedVariantId() != null).toList();
    }

    /** The episode, when the user may see its show (no counts: the package's status is asked on every board). */
    private Episode visibleEpisode(long episodeId) {
        return episodes.load(episodeId);
    }

    private static String code(Episode episode) {
        return "EP%02d".formatted(episode.number());
    }

    private Path packagePath(long episodeId) {
        return root.resolve("episode-" + episodeId + ".zip");
    }

    private Path failurePath(long episodeId) {
        return root.resolve("episode-" + episodeId + ".failed.txt");
    }

    @PreDestroy
    void shutdown() {
        builder.shutdownNow();
    }

    private static final class Build {
        final AtomicInteger done = new AtomicInteger();
        volatile int total;
        volatile @Nullable Future<?> future;
    }
}
