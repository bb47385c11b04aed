package studio.dailies.generation;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.security.ShowAccess;

import java.time.Clock;
import java.util.Set;

/**
 * What is generating in the current user's shows, and about when its first takes arrive: from the live
 * queue (depth, positions, progress) and the run times of the latest jobs, never from a fixed figure.
 * See {@link QueueForecast} for how.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class GenerationForecast {

    /** How many of the latest successful runs set the pace. */
    static final int RECENT_RUNS = 20;

    private final ForecastRepository jobs;
    private final ShowAccess access;
    private final Clock clock;

    GenerationForecast(ForecastRepository jobs, ShowAccess access, Clock clock) {
        this.jobs = jobs;
        this.access = access;
        this.clock = clock;
    }

    /** The outlook for the shows the user is a member of (every show for an admin). */
    @Transactional(readOnly = true)
    public GenerationOutlook forMyShows() {
        boolean everyShow = access.seesAllShows();
        var shows = everyShow ? Set.<Long>of() : access.memberShowIds();
        if (!everyShow && shows.isEmpty()) {
            return GenerationOutlook.IDLE;
        }
        return QueueForecast.estimate(clock.instant(), jobs.activeJobs(),
                () -> jobs.recentRuns(PageRequest.of(0, RECENT_RUNS)),
                job -> everyShow || shows.contains(job.showId()));
    }
}
