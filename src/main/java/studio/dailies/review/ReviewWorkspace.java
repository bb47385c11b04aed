package studio.dailies.review;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import studio.dailies.production.EpisodeService;
import studio.dailies.production.ShotGenerationService;
import studio.dailies.production.ShotService;
import studio.dailies.security.ShowAccess;
import studio.dailies.security.UserDirectory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.Objects;

/**
 * Reads a shot for the review workspace: the shot, its variants and where each stands. Three queries
 * whatever the number of variants: variants, decisions, and the names of those who decided.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ReviewWorkspace {

    private final ShotService shots;
    private final EpisodeService episodes;
    private final ShotGenerationService generation;
    private final DecisionRepository decisions;
    private final UserDirectory users;
    private final ShowAccess showAccess;
    private final TransactionTemplate readOnly;
    /** The last read after a live change, per shot; one small entry per shot with open views. */
    private final Map<Long, SharedRead> afterChange = new ConcurrentHashMap<>();

    ReviewWorkspace(ShotService shots, EpisodeService episodes, ShotGenerationService generation,
                    DecisionRepository decisions, UserDirectory users, ShowAccess showAccess,
                    PlatformTransactionManager transactions) {
        this.shots = shots;
        this.episodes = episodes;
        this.generation = generation;
        this.decisions = decisions;
        this.users = users;
        this.showAccess = showAccess;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    /**
     * The shot as it is after a live change: every view that heard of change {@code sequence} shares one
     * read of it, so fifty viewers of a shot cost one set of queries plus a membership check each. Only
     * the read is a transaction: views waiting for it hold no database connection, where fifty would
     * otherwise queue for the pool's ten while one of them reads.
     */
    public ShotReview openAfter(long shotId, long sequence) {
        var shared = afterChange.compute(shotId, (id, last) -> last != null && last.sequence >= sequence ? last
                : new SharedRead(sequence));
        if (shared.sequence != sequence) {
            return read(shotId);   // a change that arrived after a newer one: read on its own
        }
        var review = shared.get(() -> read(shotId));
        showAccess.checkCanView(review.shot().showId());
        return review;
    }

    @Transactional(readOnly = true)
    public ShotReview open(long shotId) {
        var shot = shots.get(shotId);   // checks membership of the show
        var episode = episodes.get(shot.episodeId());
        var latest = new HashMap<Long, Decision>();
        for (var decision : decisions.findByShotIdOrderByDecidedAtDescIdDesc(shotId)) {
            latest.putIfAbsent(decision.variantId(), decision);
        }
        var names = users.displayNames(latest.values().stream().map(Decision::decidedBy).distinct().toList());
        var variants = generation.variantsOf(shotId).stream().map(variant -> {
            var decision = latest.get(variant.id());
            Standing standing;
            if (Objects.equals(shot.approvedVariantId(), variant.id())) {
                standing = Standing.APPROVED;
            } else if (decision != null && decision.verdict() == Verdict.REJECTED) {
                standing = Standing.REJECTED;
            } else {
                standing = Standing.UNDECIDED;
            }
            boolean explained = decision != null && standing != Standing.UNDECIDED;
            return new ReviewedVariant(variant, standing, explained ? decision.reason() : null,
                    explained ? names.get(decision.decidedBy()) : null);
        }).toList();
        return new ShotReview(shot, episode.label(), variants);
    }

    private ShotReview read(long shotId) {
        return Objects.requireNonNull(readOnly.execute(status -> open(shotId)));
    }

    /** One read, made by the first view that asks and handed to the others. */
    private static final class SharedRead {
        private final long sequence;
        private @Nullable ShotReview review;

        SharedRead(long sequence) {
            this.sequence = sequence;
        }

        synchronized ShotReview get(Supplier<ShotReview> read) {
            if (review == null) {
                review = read.get();
            }
            return review;
        }
    }
}
