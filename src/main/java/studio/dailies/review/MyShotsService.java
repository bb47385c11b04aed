package studio.dailies.review;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.production.ShotService;
import studio.dailies.security.CurrentUser;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "My shots": the shots assigned to the current user across their shows, with the directors' decisions they
 * have not seen yet. A fixed number of queries per page: the shots, the visits, and the decisions of the page.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class MyShotsService {

    private final ShotService shots;
    private final ReviewVisitRepository visits;
    private final DecisionRepository decisions;
    private final CurrentUser currentUser;

    MyShotsService(ShotService shots, ReviewVisitRepository visits, DecisionRepository decisions,
                   CurrentUser currentUser) {
        this.shots = shots;
        this.visits = visits;
        this.decisions = decisions;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public Page<MyShot> myShots(Pageable pageable) {
        var page = shots.assignedToMe(pageable);
        var shotIds = page.getContent().stream().map(a -> a.shot().id()).toList();
        if (shotIds.isEmpty()) {
            return page.map(a -> new MyShot(a, 0, null, null));
        }
        var seen = new HashMap<Long, Instant>();
        visits.findByUserIdAndShotIdIn(currentUser.id(), shotIds).forEach(v -> seen.put(v.shotId(), v.seenAt()));
        var byShot = decisionsByShot(shotIds);
        return page.map(a -> {
            long id = a.shot().id();
            var list = byShot.getOrDefault(id, List.of());
            var lastSeen = seen.get(id);
            long newer = list.stream().filter(d -> lastSeen == null || d.decidedAt().isAfter(lastSeen)).count();
            return new MyShot(a, newer, latest(list), lastSeen);
        });
    }

    private Map<Long, List<Decision>> decisionsByShot(List<Long> shotIds) {
        var byShot = new HashMap<Long, List<Decision>>();
        decisions.findByShotIdInOrderByDecidedAtDescIdDesc(shotIds)
                .forEach(d -> byShot.computeIfAbsent(d.shotId(), id -> new java.util.ArrayList<>()).add(d));
        return byShot;
    }

    private static @Nullable Verdict latest(List<Decision> newestFirst) {
        return newestFirst.isEmpty() ? null : newestFirst.getFirst().verdict();
    }
}
