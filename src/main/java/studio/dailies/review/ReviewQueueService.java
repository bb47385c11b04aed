package studio.dailies.review;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.base.Pages;
import studio.dailies.generation.GenerationForecast;
import studio.dailies.generation.GenerationOutlook;
import studio.dailies.generation.VariantCatalog;
import studio.dailies.generation.VariantTally;
import studio.dailies.production.InReviewShot;
import studio.dailies.production.ShotService;
import studio.dailies.security.CurrentUser;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;

/**
 * A director's review queue: the shots in review in their shows, with how many variants are new to them
 * since they last looked. Looking at a shot ({@link #markSeen}) resets that count.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ReviewQueueService {

    private final ReviewVisitRepository visits;
    private final ShotService shots;
    private final VariantCatalog variants;
    private final GenerationForecast forecast;
    private final CurrentUser currentUser;
    private final Clock clock;

    ReviewQueueService(ReviewVisitRepository visits, ShotService shots, VariantCatalog variants,
                       GenerationForecast forecast, CurrentUser currentUser, Clock clock) {
        this.visits = visits;
        this.shots = shots;
        this.variants = variants;
        this.forecast = forecast;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * One page of the queue, in the given order (after any sort the pageable carries). The same few queries
     * whatever the page size: the shots with their episodes and assignees, the director's visits, and one
     * grouped count of the variants.
     */
    @PreAuthorize("hasRole('DIRECTOR')")
    @Transactional(readOnly = true)
    public Page<ReviewQueueEntry> queue(ReviewQueueOrder order, Pageable pageable) {
        var page = shots.inReview(Pages.thenBy(pageable, order.sort()));
        var shotIds = page.getContent().stream().map(s -> s.shot().id()).toList();
        var seen = new HashMap<Long, Instant>();
        if (!shotIds.isEmpty()) {
            visits.findByUserIdAndShotIdIn(currentUser.id(), shotIds).forEach(v -> seen.put(v.shotId(), v.seenAt()));
        }
        var tallies = variants.tally(shotIds, seen);
        return page.map(s -> entry(s, seen.get(s.shot().id()), tallies.getOrDefault(s.shot().id(), VariantTally.NONE)));
    }

    /**
     * What is still generating in the director's shows and about when its first takes arrive, so that an empty
     * queue can say what is coming instead of only that nothing is there.
     */
    @PreAuthorize("hasRole('DIRECTOR')")
    public GenerationOutlook generating() {
        return forecast.forMyShows();
    }

    /**
     * The current user is looking at the shot now: its variants stop counting as new to them. Any member
     * of the shot's show may call it (others get {@code AccessDeniedException}). Returns when they had
     * last looked before, or {@code null} if never, so a shot page can mark the takes that are new to them.
     */
    @Transactional
    public @Nullable Instant markSeen(long shotId) {
        shots.get(shotId);   // checks membership of the show
        var now = clock.instant();
        var visit = visits.findById(new ReviewVisit.Key(currentUser.id(), shotId));
        if (visit.isPresent()) {
            var before = visit.get().seenAt();
            visit.get().seen(now);
            return before;
        }
        visits.save(new ReviewVisit(currentUser.id(), shotId, now));
        return null;
    }

    private static ReviewQueueEntry entry(InReviewShot queued, @Nullable Instant lastSeen, VariantTally tally) {
        var shot = queued.shot();
        return new ReviewQueueEntry(shot.id(), shot.code(), shot.episodeId(), queued.episodeCode(),
                queued.episodeTitle(), shot.dueDate(), queued.inReviewSince(), shot.assigneeName(), tally.total(),
                tally.newer(), lastSeen);
    }
}
