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
    @Autowired EpisodeService episodes;

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
                        .containsEntry("modelId", "No model 'dreamweaver-xl' is installed"));
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
                        .containsEntry("modelId", "Model 'tiny-interp' fills frames between key frames; a show's model makes takes from a prompt"));
        shows.chooseModel(show.id(), "tiny-sd");
        assertThat(shows.get(show.id()).look().modelId()).isEqualTo("tiny-sd");
    }

    @Test
    void anAdminCreatesAShowThatStartsEmptyAndIsAudited() {
        logins.as("admin");
        long id = shows.create(draft("RVR", "  River Spirits  "));
        var created = shows.get(id);
        assertThat(created.name()).isEqualTo("River Spirits");
        assertThat(created.look().width()).isEqualTo(512);
        assertThat(created.archived()).isFalse();
        assertThat(shows.visibleShows()).extracting(ShowSummary::code).contains("RVR");
    }

    @Test
    void aShowFormNamesEveryBrokenFieldAndSavesNothing() {
        logins.as("admin");
        var broken = new ShowDraft("pln", "Title\u0007", "", "", 500, 50, 0, 9999, "dreamweaver-xl");
        assertThatThrownBy(() -> shows.create(broken))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("code", "name", "width", "height", "fps", "frameCount", "modelId"));
        assertThat(shows.list(true, org.springframework.data.domain.Pageable.ofSize(50)).getContent())
                .extracting(ShowSummary::code).doesNotContain("pln", "PLN2");
    }

    @Test
    void aShowCodeIsUnique() {
        logins.as("admin");
        assertThatThrownBy(() -> shows.create(draft("PLN", "Another")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("code", "Show code PLN is taken"));
    }

    @Test
    void anArchivedShowLeavesThePickersAndRefusesNewWork() {
        logins.as("admin");
        var show = shows.visibleShows().getFirst();
        shows.archive(show.id());
        assertThat(shows.visibleShows()).extracting(ShowSummary::id).doesNotContain(show.id());
        assertThat(shows.list(false, org.springframework.data.domain.Pageable.ofSize(50)).getContent())
                .extracting(ShowSummary::id).doesNotContain(show.id());
        assertThat(shows.list(true, org.springframework.data.domain.Pageable.ofSize(50)).getContent())
                .extracting(ShowSummary::id).contains(show.id());
        logins.as("producer");
        assertThatThrownBy(() -> episodes.create(show.id(), new EpisodeDraft(9, "Too late", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("show"))
                        .contains("archived"));
        logins.as("admin");
        shows.unarchive(show.id());
        assertThat(shows.visibleShows()).extracting(ShowSummary::id).contains(show.id());
    }

    @Test
    void anEditByAnAdminWhoSawAnOlderVersionIsRefused() {
        logins.as("admin");
        var show = shows.visibleShows().getFirst();
        var renamed = new ShowDraft(show.code(), show.name() + " (season 2)", show.look().stylePrompt(),
                show.look().negativePrompt(), show.look().width(), show.look().height(), show.look().fps(),
                show.look().frameCount(), show.look().modelId());
        shows.update(show.id(), show.version(), renamed);
        assertThatThrownBy(() -> shows.update(show.id(), show.version(), show.toDraft()))
                .isInstanceOf(studio.dailies.base.ConcurrentChangeException.class);
    }

    @Test
    void onlyAdminsCreateShows() {
        logins.as("producer");
        assertThatThrownBy(() -> shows.create(draft("NOPE", "Nope")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private static ShowDraft draft(String code, String name) {
        return new ShowDraft(code, name, "ink wash", "blurry", 512, 288, 24, 36, "procedural");
    }
}
