package studio.dailies.production.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
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
import studio.dailies.production.ShotFilter;
import studio.dailies.production.ShotService;
import studio.dailies.production.ShotStatus;
import studio.dailies.production.ShowService;

import java.time.LocalDate;
import java.util.List;
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

    @Test
    @WithUserDetails("director")
    void aDirectorSeesEveryShotButNoPlanningTools() {
        assertBoardFor(false);
        assertThat(navigationLabels()).containsExactly("Episodes", "My shots", "Review queue");
    }

    @Test
    @WithUserDetails("artist")
    void anArtistSeesEveryShotButNoPlanningTools() {
        assertBoardFor(false);
        assertThat(navigationLabels()).containsExactly("Episodes", "My shots");
    }

    @Test
    @WithUserDetails("producer")
    void aProducerSeesEveryShotAndThePlanningTools() {
        assertBoardFor(true);
        assertThat(navigationLabels()).containsExactly("Episodes");
    }

    @Test
    @WithUserDetails("admin")
    void anAdminSeesEveryShotThePlanningToolsAndTheUsersPage() {
        assertBoardFor(true);
        assertThat(navigationLabels()).containsExactly("Episodes", "Shows", "Users");
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
        assertThat(headers(view.grid)).contains("Shot", "Status", "Assignee", "Due", "Variants");
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
}
