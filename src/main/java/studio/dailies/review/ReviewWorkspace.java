package studio.dailies.review;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.production.EpisodeService;
import studio.dailies.production.ShotGenerationService;
import studio.dailies.production.ShotService;
import studio.dailies.security.UserDirectory;

import java.util.HashMap;
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

    ReviewWorkspace(ShotService shots, EpisodeService episodes, ShotGenerationService generation,
                    DecisionRepository decisions, UserDirectory users) {
        this.shots = shots;
        this.episodes = episodes;
        this.generation = generation;
        this.decisions = decisions;
        this.users = users;
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
}
