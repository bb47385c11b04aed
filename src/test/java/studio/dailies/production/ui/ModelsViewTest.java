package studio.dailies.production.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import studio.dailies.DailiesTest;
import studio.dailies.generation.ModelStatusService.ModelStatus;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@DailiesTest
class ModelsViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("admin")
    void anAdminSeesEveryInstalledModelWithWhatItMakesAndItsState() {
        var view = navigate(ModelsView.class);
        var grid = test(view.grid);
        var rows = IntStream.range(0, grid.size()).mapToObj(grid::getRow).toList();

        assertThat(rows).extracting(ModelStatus::id)
                .containsExactly("procedural", "tiny-animatediff", "tiny-interp", "tiny-sd");
        var sd = rows.stream().filter(r -> r.id().equals("tiny-sd")).findFirst().orElseThrow();
        assertThat(ModelsView.kind(sd.kind())).isEqualTo("Clips from prompts");
        assertThat(sd.canVary()).isTrue();
        assertThat(ModelsView.stateLabel(sd)).isIn("Not loaded", "Ready");
        assertThat(sd.licence()).startsWith("CC0-1.0");
        assertThat(ModelsView.stateLabel(rows.getFirst())).isEqualTo("Ready");
        assertThat(ModelsView.kind(rows.get(2).kind())).isEqualTo("In-betweens");
    }

    @Test
    @WithUserDetails("director")
    @SuppressWarnings("unchecked")
    void aDirectorCannotOpenTheModelList() throws ClassNotFoundException {
        var notFound = (Class<? extends Component>) Class.forName("studio.dailies.base.ui.RouteNotFoundView");
        navigate("admin/models", notFound);
        assertThat(getCurrentView()).isNotInstanceOf(ModelsView.class);
    }
}
