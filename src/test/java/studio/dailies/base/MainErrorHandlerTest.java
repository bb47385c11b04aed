package studio.dailies.base;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import studio.dailies.base.ui.MainErrorHandler;

import static org.assertj.core.api.Assertions.assertThat;

/** Every failure of a UI action reaches the user in words that are true; none is silent. */
class MainErrorHandlerTest {

    @Test
    void aRuleTheUserBrokeIsToldInItsOwnWords() {
        var message = MainErrorHandler.describe(new RuntimeException(InvalidInputException.of("reason", "Say why")));
        assertThat(message.text()).isEqualTo("Say why");
        assertThat(message.unexpected()).isFalse();
    }

    @Test
    void lostRightsAreToldAsSuch() {
        var message = MainErrorHandler.describe(new AccessDeniedException("Access Denied"));
        assertThat(message.text()).contains("may not do this").contains("reload");
        assertThat(message.unexpected()).isFalse();
    }

    @Test
    void aDatabaseFaultIsNeverPassedOffAsTheUsersMistake() {
        var fault = new DataIntegrityViolationException("Check constraint invalid: \"CK_JOBS_STATE: \"");
        var message = MainErrorHandler.describe(fault);
        assertThat(message.unexpected()).isTrue();
        assertThat(message.text()).contains("problem on the server").contains("did not happen")
                .containsPattern("reference [0-9A-F]{8}")
                .doesNotContain("No such shot", "CK_JOBS_STATE");
    }

    @Test
    void aConcurrentChangeSaysWhatHappened() {
        var message = MainErrorHandler.describe(new ConcurrentChangeException("Someone else decided first."));
        assertThat(message.text()).startsWith("Someone else decided first.").contains("Reload");
    }

    @Test
    void aBrowserThatWentAwayIsNoErrorToReport() throws Exception {
        var abort = new org.apache.catalina.connector.ClientAbortException(new java.io.IOException("Broken pipe"));
        assertThat(MainErrorHandler.clientIsGone(new RuntimeException(abort))).isTrue();
        assertThat(MainErrorHandler.clientIsGone(new IllegalStateException("boom"))).isFalse();
    }
}
