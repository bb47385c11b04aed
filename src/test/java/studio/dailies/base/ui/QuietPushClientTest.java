package studio.dailies.base.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import studio.dailies.DailiesTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page's push client logs at info, not Vaadin's debug. */
@DailiesTest
class QuietPushClientTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("artist")
    void aNewPagesPushClientIsToldToLogAtInfo() {
        assertThat(UI.getCurrent().getPushConfiguration().getParameter(QuietPushClient.LOG_LEVEL))
                .isEqualTo(QuietPushClient.QUIET);
    }
}
