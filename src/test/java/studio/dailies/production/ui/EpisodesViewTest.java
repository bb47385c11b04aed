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
}
