package studio.dailies.production;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.activity.Activity;
import studio.dailies.activity.ActivityLog;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.NotFoundException;
import studio.dailies.generation.ModelRegistry;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.ShowAccess;
import studio.dailies.security.ShowCatalog;

import java.util.List;

@Service
public class ShowService implements ShowCatalog {

    private final ShowRepository shows;
    private final ShowAccess access;
    private final ModelRegistry models;
    private final ActivityLog activity;
    private final CurrentUser currentUser;

    ShowService(ShowRepository shows, ShowAccess access, ModelRegistry models, ActivityLog activity,
                CurrentUser currentUser) {
        this.shows = shows;
        this.access = access;
        this.models = models;
        this.activity = activity;
        this.currentUser = currentUser;
    }

    /** The models a show can choose from: those that make takes from a prompt (not the interpolation models). */
    @PreAuthorize("isAuthenticated()")
    public List<ModelRegistry.ModelInfo> availableModels() {
        return models.generators();
    }

    /** Which model generates this show's variants from now on; models are an admin's matter (DESIGN §2). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void chooseModel(long showId, String modelId) {
        var show = shows.findById(showId).orElseThrow(() -> new NotFoundException("No show with id " + showId));
        var model = models.generators().stream().filter(m -> m.id().equals(modelId)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("modelId", "No model '" + modelId + "' is installed"
                        + " that makes takes from a prompt"));
        if (!model.available()) {
            throw InvalidInputException.of("modelId", "Model '" + modelId + "' cannot be used: " + model.problem());
        }
        var before = show.modelId();
        show.changeModel(modelId);
        activity.record(new Activity(currentUser.actorId(), "show.model-changed", "show", showId, showId,
                before + " -> " + modelId));
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
