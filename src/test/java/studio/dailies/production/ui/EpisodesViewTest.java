package studio.dailies.production.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.security.ui.LoginView;

import static org.assertj.core.api.Assertions.assertThat;

// Browserless tests run the UI on the test thread, so the view's writes join this transaction and roll back.
@DailiesTest
@Transactional
class EpisodesViewTest extends SpringBrowserlessTest {

    @org.springframework.beans.factory.annotation.Autowired studio.dailies.production.EpisodeService episodes;
    @org.springframework.beans.factory.annotation.Autowired studio.dailies.production.ShowService shows;
    @org.springframework.beans.factory.annotation.Autowired studio.dailies.security.ShowTeamService teams;
    @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    @WithAnonymousUser
    void anAnonymousVisitorIsSentToTheLoginPage() {
        navigate("", LoginView.class);
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    @WithAnonymousUser
    void anAnonymousVisitToABoardIsSentToTheLoginPage() {
        navigate("episodes/1", LoginView.class);
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    @WithUserDetails("artist")
    void aMemberSeesTheShowsEpisodesWithTheirRolledUpStatus() {
        var view = navigate(EpisodesView.class);
        var grid = test($(com.vaadin.flow.component.grid.Grid.class).single());
        assertThat(grid.size()).isGreaterThanOrEqualTo(2);
        assertThat(grid.getCellText(0, 1)).isEqualTo("The Lantern Maker");
        assertThat(view).isInstanceOf(EpisodesView.class);
        assertThat($(Button.class).all()).noneMatch(b -> "New episode".equals(b.getText()) && b.isVisible());
    }

    @Test
    @WithUserDetails("producer")
    void aProducerCanOpenTheNewEpisodeForm() {
        navigate(EpisodesView.class);
        var create = $(Button.class).all().stream().filter(b -> "New episode".equals(b.getText())).findFirst().orElseThrow();
        assertThat(create.isVisible()).isTrue();
        test(create).click();
        var dialog = $(EpisodeDialog.class).single();
        dialog.number.setValue(1);
        dialog.title.setValue("Duplicate");
        $(Button.class, dialog).all().stream().filter(b -> "Save".equals(b.getText())).findFirst()
                .ifPresent(save -> test(save).click());
        assertThat(dialog.number.isInvalid()).isTrue();
        assertThat(dialog.number.getErrorMessage()).isEqualTo("Episode 1 already exists in this show");
    }

    @Test
    @WithUserDetails("producer")
    void aDueDateTypedInIsoIsSavedAsThatDate() {
        navigate(EpisodesView.class);
        var view = (EpisodesView) getCurrentView();
        test(view.create).click();
        var dialog = $(EpisodeDialog.class).single();
        dialog.number.setValue(7);
        dialog.title.setValue("Harbour Lights");
        test(dialog.dueDate).setValue(java.time.LocalDate.parse("2027-02-15"));
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        var saved = episodes.list(view.show.getValue().id(), org.springframework.data.domain.Pageable.ofSize(50))
                .getContent().stream().filter(e -> e.number() == 7).findFirst().orElseThrow();
        assertThat(saved.dueDate()).isEqualTo(java.time.LocalDate.parse("2027-02-15"));
    }

    @Test
    @WithUserDetails("producer")
    void aDueDateThatCannotBeReadIsRefusedAndNothingIsSaved() {
        navigate(EpisodesView.class);
        var view = (EpisodesView) getCurrentView();
        long before = episodes.list(view.show.getValue().id(), org.springframework.data.domain.Pageable.ofSize(1))
                .getTotalElements();
        test(view.create).click();
        var dialog = $(EpisodeDialog.class).single();
        dialog.number.setValue(8);
        dialog.title.setValue("Unreadable");
        studio.dailies.BadInput.typeInto(dialog.dueDate, "15/02/2027x");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.dueDate.isInvalid()).isTrue();
        assertThat(dialog.dueDate.getErrorMessage()).startsWith("Enter a date like");
        assertThat(episodes.list(view.show.getValue().id(), org.springframework.data.domain.Pageable.ofSize(1))
                .getTotalElements()).isEqualTo(before);
    }

    @Test
    @WithUserDetails("producer")
    void aTitleWithAControlCharacterIsMarkedOnTheField() {
        navigate(EpisodesView.class);
        var view = (EpisodesView) getCurrentView();
        test(view.create).click();
        var dialog = $(EpisodeDialog.class).single();
        dialog.number.setValue(9);
        dialog.title.setValue("Bell\u0007");
        test(dialog.save).click();
        assertThat(dialog.title.isInvalid()).isTrue();
        assertThat(dialog.title.getErrorMessage()).contains("U+0007");
    }

    @Test
    @WithUserDetails("producer")
    void anEmptyShowSaysWhatToDoNext() {
        long showId = studio.dailies.security.SystemUser.call(() -> {
            long id = shows.create(new studio.dailies.production.ShowDraft("EMT", "Empty Hours", "", "", 640, 360, 24, 48,
                    "procedural"));
            teams.addMember(id, jdbc.queryForObject("select id from app_users where username = 'producer'", Long.class),
                    studio.dailies.security.Role.PRODUCER);
            return id;
        });
        com.vaadin.flow.component.UI.getCurrent().navigate("episodes",
                com.vaadin.flow.router.QueryParameters.of("show", String.valueOf(showId)));
        var view = (EpisodesView) getCurrentView();
        assertThat(view.show.getValue().id()).isEqualTo(showId);
        assertThat(view.grid.isVisible()).isFalse();
        assertThat(view.firstSteps.isVisible()).isTrue();
        assertThat($(com.vaadin.flow.component.html.H3.class, view.firstSteps).single().getText())
                .isEqualTo("Empty Hours has no episodes yet");
        assertThat($(Button.class, view.firstSteps).all()).extracting(Button::getText)
                .contains("Add the first episode", "Open the team");
    }
}
