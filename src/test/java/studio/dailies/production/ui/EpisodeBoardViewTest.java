package studio.dailies.production.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.production.EpisodeService;
import studio.dailies.production.EpisodeSummary;
import studio.dailies.production.DueState;
import studio.dailies.production.ShotAction;
import studio.dailies.production.ShotFilter;
import studio.dailies.production.ShotService;
import studio.dailies.production.ShotStatus;
import studio.dailies.production.ShowService;

import com.vaadin.flow.data.provider.DataChangeEvent;
import com.vaadin.flow.data.renderer.LitRenderer;
import studio.dailies.production.BoardShot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What each role sees on the episode board, and what a producer's bad form does. */
// Browserless tests run the UI on the test thread, so the view's writes join this transaction and roll back.
@DailiesTest
@Transactional
class EpisodeBoardViewTest extends SpringBrowserlessTest {

    @Autowired ShowService shows;
    @Autowired EpisodeService episodes;
    @Autowired ShotService shots;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    @WithUserDetails("director")
    void aDirectorSeesEveryShotButNoPlanningTools() {
        assertBoardFor(false);
        assertThat(navigationLabels()).containsExactly("Episodes", "My shots", "Dashboard", "Review queue");
    }

    @Test
    @WithUserDetails("artist")
    void anArtistSeesEveryShotButNoPlanningTools() {
        assertBoardFor(false);
        assertThat(navigationLabels()).containsExactly("Episodes", "My shots", "Dashboard");
    }

    @Test
    @WithUserDetails("producer")
    void aProducerSeesEveryShotAndThePlanningTools() {
        assertBoardFor(true);
        assertThat(navigationLabels()).containsExactly("Episodes", "Dashboard", "Queue");
    }

    @Test
    @WithUserDetails("admin")
    void anAdminSeesEveryShotThePlanningToolsAndTheUsersPage() {
        assertBoardFor(true);
        assertThat(navigationLabels()).containsExactly("Episodes", "Dashboard", "Queue", "Shows", "Users", "Models");
    }

    @Test
    @WithUserDetails("producer")
    void aBadShotFormNamesTheWrongFieldsAndSavesNothing() {
        var episode = episode(2);
        var view = navigate(EpisodeBoardView.class, episode.id());
        int before = test(view.grid).size();

        test(view.createShot).click();
        var dialog = $(ShotDialog.class).single();
        dialog.code.setValue("EP02_SH010");
        dialog.basePrompt.setValue("dawn over the river");
        dialog.dueDate.setValue(episode.dueDate().plusDays(3));
        test(dialog.save).click();

        assertThat(dialog.code.isInvalid()).isTrue();
        assertThat(dialog.code.getErrorMessage()).isEqualTo("Shot EP02_SH010 already exists in this episode");
        assertThat(dialog.dueDate.isInvalid()).isTrue();
        assertThat(dialog.dueDate.getErrorMessage()).startsWith("The shot is due after its episode");
        assertThat(dialog.basePrompt.isInvalid()).isFalse();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(shots.board(episode.id(), ShotFilter.NONE, Pageable.ofSize(1)).getTotalElements()).isEqualTo(before);
    }

    @Test
    @WithUserDetails("producer")
    void aShotDueDateThatCannotBeReadIsRefusedAndNothingIsSaved() {
        var episode = episode(2);
        var view = navigate(EpisodeBoardView.class, episode.id());
        int before = test(view.grid).size();
        test(view.createShot).click();
        var dialog = $(ShotDialog.class).single();
        dialog.code.setValue("EP02_SH600");
        dialog.basePrompt.setValue("lanterns over the river");
        studio.dailies.BadInput.typeInto(dialog.dueDate, "2027-02-31");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.dueDate.isInvalid()).isTrue();
        assertThat(shots.board(episode.id(), ShotFilter.NONE, Pageable.ofSize(1)).getTotalElements()).isEqualTo(before);
    }

    @Test
    @WithUserDetails("producer")
    void aValidShotIsSavedAndAppearsOnTheBoard() {
        var episode = episode(2);
        var view = navigate(EpisodeBoardView.class, episode.id());
        test(view.createShot).click();
        var dialog = $(ShotDialog.class).single();
        dialog.code.setValue("EP02_SH500");
        dialog.basePrompt.setValue("storm over the sea at night, cold palette");
        dialog.dueDate.setValue(LocalDate.now().plusDays(5));
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        view.search.setValue("SH500");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).status()).isEqualTo(ShotStatus.PLANNED);
    }

    @Test
    @WithUserDetails("director")
    void theSearchAndStatusFiltersNarrowTheBoard() {
        var view = navigate(EpisodeBoardView.class, episode(1).id());
        view.search.setValue("rooftops");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).code()).isEqualTo("EP01_SH040");
        view.search.clear();
        view.statuses.setValue(Set.of(ShotStatus.APPROVED));
        assertThat(test(view.grid).size()).isZero();
        view.statuses.setValue(Set.of(ShotStatus.PLANNED));
        assertThat(test(view.grid).size()).isPositive();
    }

    @Test
    @WithUserDetails("producer")
    void movingAShotLaterShowsTheNewOrderAtOnce() {
        var view = navigate(EpisodeBoardView.class, episode(1).id());
        assertThat(test(view.grid).getRow(0).code()).isEqualTo("EP01_SH010");
        shots.move(test(view.grid).getRow(0).id(), 1);
        view.search.setValue(" "); // any refresh of the board
        assertThat(test(view.grid).getRow(0).code()).isEqualTo("EP01_SH020");
        assertThat(test(view.grid).getRow(1).code()).isEqualTo("EP01_SH010");
    }

    @Test
    @WithUserDetails("director")
    @SuppressWarnings("unchecked")
    void theBoardOfAnEpisodeThatDoesNotExistIsNotFound() throws ClassNotFoundException {
        var notFound = (Class<? extends Component>) Class.forName("studio.dailies.base.ui.MissingThingView");
        navigate("episodes/987654", notFound);
        assertThat(getCurrentView()).isNotInstanceOf(EpisodeBoardView.class);
    }

    private void assertBoardFor(boolean plans) {
        var view = navigate(EpisodeBoardView.class, episode(1).id());
        var grid = test(view.grid);
        assertThat(grid.size()).isGreaterThanOrEqualTo(10);
        assertThat(grid.getRow(0).code()).isEqualTo("EP01_SH010");
        assertThat(view.createShot.isVisible()).isEqualTo(plans);
        assertThat(headers(view.grid).contains("Plan")).isEqualTo(plans);
        assertThat(headers(view.grid)).contains("Take", "Shot", "Status", "Assignee", "Due", "Takes", "GPU", "Waiting");
        assertThat(headers(view.grid)).contains("Open notes");
        assertThat(view.grid.getSelectionMode()).isEqualTo(plans ? Grid.SelectionMode.MULTI : Grid.SelectionMode.SINGLE);
        view.layout.setSelectedTab(view.columnsTab);
        assertThat(Objects.requireNonNull(view.columns).isVisible()).isTrue();
        assertThat(view.grid.isVisible()).isFalse();
        assertThat(test(Objects.requireNonNull(view.columns).lists.get(ShotStatus.PLANNED)).size()).isGreaterThanOrEqualTo(10);
    }

    @Test
    @WithUserDetails("producer")
    void anApprovedShotOffersItsTakeForEditorialToProducers() {
        long shotId = jdbc.queryForObject("select id from shots where code = 'EP01_SH010'", Long.class);
        long take = studio.dailies.TestVariants.insert(jdbc, shotId, "dawn", 3, null);
        jdbc.update("update shots set status = 'APPROVED', approved_variant_id = ?, approved_at = current_timestamp"
                + " where id = ?", take, shotId);
        var view = navigate(EpisodeBoardView.class, episode(1).id());
        var grid = test(view.grid);
        // The row's template draws the link (class take-download) when "take" is set: TakeDownloadsTest follows it.
        assertThat(grid.getLitRendererPropertyValue(0, "plan", "take", String.class))
                .isEqualTo("deliveries/takes/" + take);
        assertThat(grid.getLitRendererPropertyValue(0, "plan", "takeLabel", String.class))
                .isEqualTo("Download EP01_SH010's approved take");
        assertThat(property(view.grid, "plan", "take", grid.getRow(1))).isNull();   // a shot without an approved take
    }

    @Test
    @WithUserDetails("producer")
    void aRowsPlanningButtonsMoveAndEditItsShot() {
        var view = navigate(EpisodeBoardView.class, episode(1).id());
        var grid = test(view.grid);
        assertThat(grid.getLitRendererPropertyValue(0, "plan", "later", String.class)).isEqualTo("Move EP01_SH010 later");
        assertThat(grid.getLitRendererPropertyValue(0, "plan", "edit", String.class)).isEqualTo("Edit EP01_SH010");

        grid.invokeLitRendererFunction(0, "plan", "later");
        assertThat(grid.getRow(0).code()).isEqualTo("EP01_SH020");
        assertThat(grid.getRow(1).code()).isEqualTo("EP01_SH010");
        grid.invokeLitRendererFunction(1, "plan", "earlier");
        assertThat(grid.getRow(0).code()).isEqualTo("EP01_SH010");

        grid.invokeLitRendererFunction(2, "plan", "edit");
        assertThat($(ShotDialog.class).single().code.getValue()).isEqualTo("EP01_SH030");
    }

    @Test
    @WithUserDetails("director")
    void aProgressTickRedrawsOnlyTheRowWhoseWorkMoved() {
        long shotId = jdbc.queryForObject("select id from shots where code = 'EP01_SH020'", Long.class);
        jdbc.update("""
                insert into generation_jobs (show_id, shot_id, prompt, negative_prompt, seed, width, height, frame_count,
                                             fps, steps, guidance, model_id, variant_count, state, progress, lease_owner,
                                             lease_expires_at, claimed_at, started_at, queued_at)
                select e.show_id, s.id, 'p', '', 1, 64, 64, 4, 24, 1, 1.0, 'procedural', 1, 'RUNNING', 0.25, 'gpu-0',
                       dateadd('MINUTE', 5, current_timestamp), current_timestamp, current_timestamp, current_timestamp
                from shots s join episodes e on e.id = s.episode_id where s.id = ?
                """, shotId);
        var view = navigate(EpisodeBoardView.class, episode(1).id());
        var grid = test(view.grid);
        assertThat(grid.getLitRendererPropertyValue(1, "progress", "progress", Double.class)).isEqualTo(0.25);
        assertThat(grid.getLitRendererPropertyValue(1, "progress", "label", String.class))
                .isEqualTo("Generating EP01_SH020");
        assertThat(property(view.grid, "progress", "progress", grid.getRow(0))).isNull();   // no work: bar hidden

        var changes = new ArrayList<DataChangeEvent<?>>();
        view.grid.getDataProvider().addDataProviderListener(changes::add);
        jdbc.update("update generation_jobs set progress = 0.75 where shot_id = ?", shotId);
        view.moveProgressBars();
        assertThat(changes).singleElement().isInstanceOfSatisfying(DataChangeEvent.DataRefreshEvent.class, change -> {
            var row = (BoardShot) change.getItem();
            assertThat(row.code()).isEqualTo("EP01_SH020");
            assertThat(row.progress()).isEqualTo(0.75);
        });
        view.moveProgressBars();   // nothing moved since: nothing is redrawn
        assertThat(changes).hasSize(1);
    }

    /** A template property that is null (the tester cannot read those), straight from the column's renderer. */
    @SuppressWarnings("unchecked")
    private static Object property(Grid<BoardShot> grid, String column, String name, BoardShot row) {
        var renderer = (LitRenderer<BoardShot>) grid.getColumnByKey(column).getRenderer();
        return renderer.getValueProviders().get(name).apply(row);
    }

    private EpisodeSummary episode(int number) {
        var showId = shows.visibleShows().getFirst().id();
        return episodes.list(showId, PageRequest.of(0, 10, Sort.by("number"))).getContent().stream()
                .filter(e -> e.number() == number).findFirst().orElseThrow();
    }

    private static List<String> headers(Grid<?> grid) {
        return grid.getColumns().stream().map(Grid.Column::getHeaderText).toList();
    }

    private List<String> navigationLabels() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    @WithUserDetails("director")
    void filtersSortAndLayoutComeFromTheAddressSoAReloadKeepsThem() {
        var episode = episode(1);
        UI.getCurrent().navigate(EpisodeBoardView.class, episode.id(),
                QueryParameters.fromString("view=columns&q=rain&status=PLANNED&sort=-code"));
        var view = (EpisodeBoardView) getCurrentView();
        assertThat(view.layout.getSelectedTab()).isEqualTo(view.columnsTab);
        assertThat(view.search.getValue()).isEqualTo("rain");
        assertThat(view.statuses.getValue()).containsExactly(ShotStatus.PLANNED);
        assertThat(Objects.requireNonNull(view.columns).lists.get(ShotStatus.IN_REVIEW).getParent().orElseThrow().isVisible()).isFalse();
        assertThat(test(Objects.requireNonNull(view.columns).lists.get(ShotStatus.PLANNED)).size()).isEqualTo(1);

        UI.getCurrent().navigate(EpisodeBoardView.class, episode.id(), QueryParameters.fromString("sort=-code"));
        view = (EpisodeBoardView) getCurrentView();
        assertThat(view.grid.isVisible()).isTrue();
        assertThat(test(view.grid).getRow(0).code()).isEqualTo("EP01_SH100");
    }

    @Test
    @WithUserDetails("director")
    void changingAFilterWritesItIntoTheAddress() {
        var view = navigate(EpisodeBoardView.class, episode(1).id());
        view.overdue.setValue(true);
        view.needsDecision.setValue(true);
        var written = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(js -> js.getInvocation().getParameters().toString()).toList();
        assertThat(written).anySatisfy(params -> assertThat(params).contains("overdue=true&decision=true"));
        assertThat(test(view.grid).size()).isZero();
    }

    @Test
    @WithUserDetails("producer")
    void aProducerHoldsTheSelectedShotsWithAReasonAndTheBoardShowsIt() {
        var view = navigate(EpisodeBoardView.class, episode(1).id());
        assertThat(view.bulkBar.isVisible()).isFalse();
        test(view.grid).select(0);
        test(view.grid).select(1);
        assertThat(view.bulkBar.isVisible()).isTrue();
        assertThat(view.selectedCount.getText()).isEqualTo("2 shots selected");

        test(view.bulkStatus).click();
        var dialog = $(StatusChangeDialog.class).single();
        dialog.action.setValue(ShotAction.PUT_ON_HOLD);
        test(dialog.apply).click();
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.reason.getErrorMessage()).isEqualTo("Say why the shots are put on hold");
        assertThat(dialog.isOpened()).isTrue();

        dialog.reason.setValue("Waiting for the new layout");
        test(dialog.apply).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(test(view.grid).getRow(0).status()).isEqualTo(ShotStatus.ON_HOLD);
        assertThat(test(view.grid).getRow(1).shot().statusReason()).isEqualTo("Waiting for the new layout");
        assertThat(view.bulkBar.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("producer")
    void aBulkChangeOneShotCannotTakeSaysWhichAndChangesNothing() {
        var view = navigate(EpisodeBoardView.class, episode(1).id());
        test(view.grid).select(0);
        test(view.bulkStatus).click();
        var dialog = $(StatusChangeDialog.class).single();
        dialog.action.setValue(ShotAction.RESUME);
        test(dialog.apply).click();
        assertThat(dialog.form.formError().isVisible()).isTrue();
        assertThat(dialog.form.formError().getText())
                .isEqualTo("Nothing was changed. EP01_SH010: A shot that is planned cannot be taken back");
        assertThat(test(view.grid).getRow(0).status()).isEqualTo(ShotStatus.PLANNED);
    }

    @Test
    @WithUserDetails("producer")
    void aProducerAssignsAndSchedulesManyShotsAtOnceAndAnUnreadableDateSendsNothing() {
        var view = navigate(EpisodeBoardView.class, episode(1).id());
        test(view.grid).select(2);
        test(view.grid).select(3);
        test(view.bulkAssign).click();
        var assign = $(AssignDialog.class).single();
        var ines = assign.assignee.getListDataView().getItems().filter(u -> u.displayName().equals("Ines Duarte"))
                .findFirst().orElseThrow();
        assign.assignee.setValue(ines);
        test(assign.apply).click();
        assertThat(test(view.grid).getRow(2).shot().assigneeName()).isEqualTo("Ines Duarte");
        assertThat(test(view.grid).getRow(3).shot().assigneeName()).isEqualTo("Ines Duarte");

        test(view.grid).select(2);
        test(view.bulkDueDate).click();
        var due = $(DueDateDialog.class).single();
        studio.dailies.BadInput.typeInto(due.dueDate, "15/15/2027");
        test(due.apply).click();
        assertThat(due.dueDate.isInvalid()).isTrue();
        assertThat(due.isOpened()).isTrue();
        due.dueDate.setValue(LocalDate.now().plusDays(2));
        test(due.apply).click();
        assertThat(due.isOpened()).isFalse();
        assertThat(test(view.grid).getRow(2).shot().dueDate()).isEqualTo(LocalDate.now().plusDays(2));
        assertThat(test(view.grid).getRow(2).due()).isEqualTo(DueState.DUE_SOON);
    }

    @Test
    @WithUserDetails("producer")
    void aProducerImportsAShotListOnlyOnceEveryRowIsRight() {
        var view = navigate(EpisodeBoardView.class, episode(1).id());
        test(view.importShots).click();
        var dialog = $(ShotImportDialog.class).single();
        dialog.received("shots.csv", """
                code,prompt,due
                EP01_SH110,dawn over the bay,2020-01-01
                EP01_SH120,night market,
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(dialog.importButton.isEnabled()).isFalse();
        assertThat(dialog.summary.getText()).startsWith("1 of 2 rows have problems");
        assertThat(ShotImportDialog.problems(test(dialog.rows).getRow(0))).startsWith("due: ");

        dialog.received("shots.csv", """
                code,prompt
                EP01_SH110,dawn over the bay
                EP01_SH120,night market
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(dialog.importButton.isEnabled()).isTrue();
        assertThat(dialog.importButton.getText()).isEqualTo("Import 2 shots");
        test(dialog.importButton).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(test(view.grid).size()).isEqualTo(12);
        assertThat(test(view.grid).getRow(11).code()).isEqualTo("EP01_SH120");
    }

    @Test
    @WithUserDetails("artist")
    void anArtistExportsTheBoardButDoesNotImport() {
        var view = navigate(EpisodeBoardView.class, episode(1).id());
        assertThat(view.importShots.isVisible()).isFalse();
        assertThat(view.exportCsv.isVisible()).isTrue();
        assertThat(view.exportCsv.getHref()).isNotEmpty();
    }
}
