package studio.dailies.production.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.production.ShowService;
import studio.dailies.production.ShowSummary;

import static org.assertj.core.api.Assertions.assertThat;

@DailiesTest
@Transactional
class ShowsViewTest extends SpringBrowserlessTest {

    @Autowired ShowService shows;

    @Test
    @WithUserDetails("admin")
    void anAdminCreatesAShowFromTheForm() {
        var view = navigate(ShowsView.class);
        test(view.create).click();
        var dialog = $(ShowDialog.class).single();
        dialog.code.setValue("KTE");
        dialog.name.setValue("Kite Season");
        dialog.stylePrompt.setValue("cut paper, bright wind");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(shows.visibleShows()).extracting(ShowSummary::name).contains("Kite Season");
        assertThat(test(view.grid).size()).isEqualTo(shows.visibleShows().size());
    }

    @Test
    @WithUserDetails("admin")
    void aBrokenShowFormMarksTheFieldsAndSavesNothing() {
        var view = navigate(ShowsView.class);
        test(view.create).click();
        var dialog = $(ShowDialog.class).single();
        dialog.code.setValue("PLN");
        dialog.name.setValue("\u200B");
        dialog.width.setValue(650);
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.code.getErrorMessage()).isEqualTo("Show code PLN is taken");
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.width.getErrorMessage()).isEqualTo("Use a multiple of 8 pixels");
    }

    @Test
    @WithUserDetails("admin")
    void anAdminArchivesAShowAndItLeavesTheList() {
        var view = navigate(ShowsView.class);
        var grid = test(view.grid);
        int before = grid.size();
        var show = shows.visibleShows().getFirst();
        int row = java.util.stream.IntStream.range(0, before).filter(i -> grid.getRow(i).id() == show.id())
                .findFirst().orElseThrow();
        var actions = grid.getCellComponent(row, 6);
        var archive = $(Button.class, actions).all().stream()
                .filter(b -> b.getAriaLabel().filter(("Archive " + show.name())::equals).isPresent())
                .findFirst().orElseThrow();
        test(archive).click();
        assertThat(grid.size()).isEqualTo(before - 1);
        test(view.archived).click();
        assertThat(grid.size()).isEqualTo(before);
    }

    @Test
    @WithUserDetails("producer")
    @SuppressWarnings("unchecked")
    void theShowsPageIsNotThereForOtherRoles() throws ClassNotFoundException {
        var notFound = (Class<? extends com.vaadin.flow.component.Component>)
                Class.forName("studio.dailies.base.ui.RouteNotFoundView");
        navigate("admin/shows", notFound);
        assertThat(getCurrentView()).isNotInstanceOf(ShowsView.class);
    }

    @Test
    @WithUserDetails("admin")
    void aWidthThatIsNoNumberIsRefusedOnItsFieldAndNothingIsSaved() {
        var view = navigate(ShowsView.class);
        int before = shows.visibleShows().size();
        test(view.create).click();
        var dialog = $(ShowDialog.class).single();
        dialog.code.setValue("NUM");
        dialog.name.setValue("Numbers");
        studio.dailies.BadInput.typeInto(dialog.width, "12a");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.width.isInvalid()).isTrue();
        assertThat(shows.visibleShows()).hasSize(before);
    }
}
