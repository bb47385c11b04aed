package studio.dailies.production;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.base.NotFoundException;
import studio.dailies.security.ShowAccess;
import studio.dailies.security.ShowCatalog;

import java.util.List;

@Service
public class ShowService implements ShowCatalog {

    private final ShowRepository shows;
    private final ShowAccess access;

    ShowService(ShowRepository shows, ShowAccess access) {
        this.shows = shows;
        this.access = access;
    }

    /** The shows the current user belongs to (all of them for an admin). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ShowSummary> visibleShows() {
        var visible = access.seesAllShows() ? shows.findAllByOrderByName()
                : shows.findByIdInOrderByName(access.memberShowIds());
        return visible.stream().map(Show::toSummary).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ShowSummary get(long showId) {
        access.checkCanView(showId);
        return shows.findById(showId).map(Show::toSummary)
                .orElseThrow(() -> new NotFoundException("No show with id " + showId));
    }

    @Override
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ShowRef> allShows() {
        return shows.findAllByOrderByName().stream().map(s -> new ShowRef(s.id(), s.name())).toList();
    }
}
