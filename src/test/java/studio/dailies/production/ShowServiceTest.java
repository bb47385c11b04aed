package studio.dailies.production;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.base.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DailiesTest
@Transactional
class ShowServiceTest {

    @Autowired TestLogins logins;
    @Autowired ShowService shows;

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void anAdminCanOnlyChooseAnInstalledModel() {
        logins.as("admin");
        var show = shows.visibleShows().getFirst();
        assertThat(shows.availableModels()).extracting(m -> m.id()).contains("procedural");
        assertThatThrownBy(() -> shows.chooseModel(show.id(), "dreamweaver-xl"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("modelId", "No model 'dreamweaver-xl' is installed that makes takes from a prompt"));
        assertThat(shows.get(show.id()).look().modelId()).isEqualTo("procedural");
    }

    @Test
    void aShowsModelMakesTakesFromAPromptAnInterpolationModelCannotBeChosen() {
        logins.as("admin");
        var show = shows.visibleShows().getFirst();
        assertThat(shows.availableModels()).extracting(m -> m.id())
                .containsExactly("procedural", "tiny-animatediff", "tiny-sd");
        assertThatThrownBy(() -> shows.chooseModel(show.id(), "tiny-interp"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("modelId", "No model 'tiny-interp' is installed that makes takes from a prompt"));
        shows.chooseModel(show.id(), "tiny-sd");
        assertThat(shows.get(show.id()).look().modelId()).isEqualTo("tiny-sd");
    }
}
