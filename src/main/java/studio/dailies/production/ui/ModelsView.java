package studio.dailies.production.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import studio.dailies.base.ui.Badges;
import studio.dailies.generation.ModelKind;
import studio.dailies.generation.ModelState;
import studio.dailies.generation.ModelStatusService;
import studio.dailies.generation.ModelStatusService.ModelStatus;

/**
 * Admins see every installed model (dropped into {@code data/models}) and where it stands on this node: ready,
 * loading, not loaded yet, or failed with the reason; a broken folder shows the problem naming file and field.
 */
@Route("admin/models")
@PageTitle("Models · Dailies")
@Menu(order = 91, icon = "vaadin:cube", title = "Models")
@RolesAllowed("ADMIN")
class ModelsView extends VerticalLayout {

    private final ModelStatusService models;
    final Grid<ModelStatus> grid = new Grid<>();
    final Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create());

    ModelsView(ModelStatusService models) {
        this.models = models;
        setSizeFull();
        refresh.addClickListener(e -> refresh());
        refresh.setAriaLabel("Read the model folders and states again");
        var toolbar = new HorizontalLayout(new H2("Models"), refresh);
        toolbar.setAlignItems(Alignment.BASELINE);
        var note = new Paragraph(models.workersRunHere()
                ? "Drop an exported model folder into the models directory (docs/studio-models.md); it appears here "
                + "and loads once per worker."
                : "No generation workers run on this node: models load on the worker nodes.");

        grid.addColumn(ModelStatus::name).setHeader("Model").setAutoWidth(true);
        grid.addColumn(ModelStatus::id).setHeader("Id").setAutoWidth(true);
        grid.addColumn(m -> kind(m.kind()) + (m.canVary() ? ", can vary takes" : "")).setHeader("Makes")
                .setAutoWidth(true);
        grid.addColumn(ModelStatus::version).setHeader("Version").setAutoWidth(true);
        grid.addComponentColumn(ModelsView::state).setHeader("State").setAutoWidth(true);
        grid.addColumn(ModelsView::detail).setHeader("Detail").setFlexGrow(1);
        grid.addColumn(m -> m.licence() + " · " + m.source()).setHeader("Licence and source").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No models");
        grid.setSizeFull();
        add(toolbar, note, grid);
        refresh();
    }

    void refresh() {
        grid.setItems(models.models());
    }

    static String kind(ModelKind kind) {
        return switch (kind) {
            case PROCEDURAL -> "Procedural scenes";
            case TEXT_TO_CLIP -> "Clips from prompts";
            case INTERPOLATE -> "In-betweens";
        };
    }

    static String stateLabel(ModelStatus model) {
        if (!model.available()) {
            return "Unavailable";
        }
        return switch (model.state().status()) {
            case NOT_LOADED -> "Not loaded";
            case LOADING -> "Loading";
            case READY -> "Ready";
            case FAILED -> "Failed";
        };
    }

    private static Component state(ModelStatus model) {
        var label = stateLabel(model);
        var style = switch (label) {
            case "Ready" -> "approved";
            case "Loading" -> "running";
            case "Not loaded" -> "planned";
            default -> "failed";
        };
        return Badges.of(label, style);
    }

    static String detail(ModelStatus model) {
        if (!model.available()) {
            return model.problem() == null ? "" : model.problem();
        }
        var state = model.state();
        if (state.status() == ModelState.Status.READY && state.weightsSha256() != null) {
            return "Loaded in " + state.loadMillis() + " ms · sha256 " + state.weightsSha256().substring(0, 16) + "…";
        }
        return state.detail() == null ? "" : state.detail();
    }
}
