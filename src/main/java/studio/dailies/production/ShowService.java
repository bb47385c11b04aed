package studio.dailies.production;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.activity.Activity;
import studio.dailies.activity.ActivityLog;
import studio.dailies.base.ConcurrentChangeException;
import studio.dailies.base.Constraints;
import studio.dailies.base.InputRules;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.NotFoundException;
import studio.dailies.base.Pages;
import studio.dailies.generation.ModelKind;
import studio.dailies.generation.ModelRegistry;
import studio.dailies.security.CurrentUser;
import studio.dailies.security.ShowAccess;
import studio.dailies.security.ShowCatalog;

import java.time.Clock;
import java.util.List;

/**
 * Shows: admins create, edit and archive them and choose their model; everyone sees the running shows they
 * belong to. An archived show keeps its history but leaves every picker, and refuses new work.
 */
@Service
public class ShowService implements ShowCatalog {

    private final ShowRepository shows;
    private final ShowAccess access;
    private final ModelRegistry models;
    private final InputRules rules;
    private final ActivityLog activity;
    private final CurrentUser currentUser;
    private final Clock clock;

    ShowService(ShowRepository shows, ShowAccess access, ModelRegistry models, InputRules rules, ActivityLog activity,
                CurrentUser currentUser, Clock clock) {
        this.shows = shows;
        this.access = access;
        this.models = models;
        this.rules = rules;
        this.activity = activity;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The models a show can choose from: those that make takes from a prompt (not the interpolation models). */
    @PreAuthorize("isAuthenticated()")
    public List<ModelRegistry.ModelInfo> availableModels() {
        return models.generators();
    }

    /** Every show, archived ones only when asked, for the admin's list. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<ShowSummary> list(boolean includeArchived, Pageable pageable) {
        var page = Pages.thenBy(pageable, Sort.by("name", "id"));
        return (includeArchived ? shows.findAll(page) : shows.findByArchivedAtIsNull(page)).map(Show::toSummary);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long create(ShowDraft input) {
        var draft = input.cleaned();
        validate(0, draft);
        var show = new Show(draft.code(), draft.name(), draft.look(), clock.instant());
        var saved = save(show);
        audit("show.created", saved, saved.code() + " " + saved.name());
        return saved.id();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void update(long showId, long expectedVersion, ShowDraft input) {
        var draft = input.cleaned();
        var show = load(showId);
        if (show.version() != expectedVersion) {
            throw new ConcurrentChangeException("Someone else changed show " + show.code() + ". Reload it and try again.");
        }
        validate(showId, draft);
        show.apply(draft);
        save(show);
        audit("show.updated", show, show.code() + " " + show.name());
    }

    /** Which model generates this show's variants from now on; models are an admin's matter (DESIGN §2). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void chooseModel(long showId, String modelId) {
        var show = load(showId);
        var check = rules.check();
        checkModel(check, modelId);
        check.throwIfInvalid();
        var before = show.modelId();
        show.changeModel(modelId);
        audit("show.model-changed", show, before + " -> " + modelId);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void archive(long showId) {
        var show = load(showId);
        if (!show.archived()) {
            show.archive(clock.instant());
            audit("show.archived", show, show.code());
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void unarchive(long showId) {
        var show = load(showId);
        if (show.archived()) {
            show.unarchive();
            audit("show.unarchived", show, show.code());
        }
    }

    /** The running shows the current user belongs to (all running shows for an admin). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ShowSummary> visibleShows() {
        var visible = access.seesAllShows() ? shows.findByArchivedAtIsNullOrderByName()
                : shows.findByIdInAndArchivedAtIsNullOrderByName(access.memberShowIds());
        return visible.stream().map(Show::toSummary).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ShowSummary get(long showId) {
        access.checkCanView(showId);
        return load(showId).toSummary();
    }

    /** Refuses new work (planning, generation) on an archived show, with words that say so. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public void checkActive(long showId) {
        var show = load(showId);
        if (show.archived()) {
            throw InvalidInputException.of("show", "Show " + show.name() + " is archived. An admin can unarchive it.");
        }
    }

    @Override
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ShowRef> allShows() {
        return shows.findAllByOrderByName().stream().map(s -> new ShowRef(s.id(), s.name())).toList();
    }

    private void validate(long showId, ShowDraft draft) {
        var check = rules.check(draft);
        if (!check.hasError("code")) {
            check.rejectIf(shows.existsByCodeIgnoreCaseAndIdNot(draft.code(), showId), "code",
                    "Show code " + draft.code() + " is taken");
        }
        checkSize(check, "width", draft.width());
        checkSize(check, "height", draft.height());
        if (!check.hasError("modelId")) {
            checkModel(check, draft.modelId());
        }
        check.throwIfInvalid();
    }

    private static void checkSize(InputRules.Check check, String field, Integer pixels) {
        check.rejectIf(pixels != null && pixels % 8 != 0, field, "Use a multiple of 8 pixels");
    }

    private void checkModel(InputRules.Check check, String modelId) {
        var model = models.models().stream().filter(m -> m.id().equals(modelId)).findFirst();
        if (model.isEmpty()) {
            check.reject("modelId", "No model '" + modelId + "' is installed");
        } else if (model.get().kind() == ModelKind.INTERPOLATE) {
            check.reject("modelId", "Model '" + modelId + "' fills frames between key frames; a show's model makes "
                    + "takes from a prompt");
        } else if (!model.get().available()) {
            check.reject("modelId", "Model '" + modelId + "' cannot be used: " + model.get().problem());
        }
    }

    private Show save(Show show) {
        try {
            return shows.saveAndFlush(show);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConcurrentChangeException("Someone else changed show " + show.code() + ". Reload it and try again.");
        } catch (DataIntegrityViolationException e) {
            // Another admin saved the same code between our check and our write.
            Constraints.expect(e, "uq_shows_code");
            throw InvalidInputException.of("code", "Show code " + show.code() + " is taken");
        }
    }

    private Show load(long showId) {
        return shows.findById(showId).orElseThrow(() -> new NotFoundException("No show with id " + showId));
    }

    private void audit(String action, Show show, String detail) {
        activity.record(new Activity(currentUser.actorId(), action, "show", show.id(), show.id(), detail));
    }
}
