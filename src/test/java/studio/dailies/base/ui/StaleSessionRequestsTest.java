package studio.dailies.base.ui;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that the login page started, arriving after the login changed the session's id, must not start a new
 * session: its cookie would replace the signed-in one.
 */
class StaleSessionRequestsTest {

    private static final String CLOSE_QUERY = "v-r=push&v-uiId=0&v-pushId=abc&X-Atmosphere-Transport=close"
            + "&X-Atmosphere-tracking-id=f7c7";

    @Test
    void anEndedSessionsPushCloseIsAnsweredAndItsAppResourcesRefusedWithARetryWithoutASession() throws Exception {
        var close = stale(request("POST", PushConnections.PUSH_PATH, CLOSE_QUERY));
        var closeChain = new MockFilterChain();
        var closed = new MockHttpServletResponse();
        StaleSessionRequests.filter(close, closed, closeChain);
        assertThat(closeChain.getRequest()).as("not passed on").isNull();
        assertThat(close.getSession(false)).isNull();
        assertThat(closed.getStatus()).isEqualTo(200);

        for (var path : new String[]{"/icons/icon-512x512.png", "/sw.js", "/manifest.webmanifest", "/offline-stub.html"}) {
            var icon = stale(request("GET", path, null));
            var chain = new MockFilterChain();
            var answer = new MockHttpServletResponse();
            StaleSessionRequests.filter(icon, answer, chain);
            assertThat(chain.getRequest()).as(path).isNull();
            assertThat(answer.getStatus()).as(path).isEqualTo(503);
            assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
            assertThat(icon.getSession(false)).isNull();
        }
    }

    @Test
    void aLiveSessionsRequestsAndAnEndedSessionsOtherRequestsGoOn() throws Exception {
        var live = request("POST", PushConnections.PUSH_PATH, CLOSE_QUERY);
        live.setRequestedSessionId("LIVE-ID");
        live.setRequestedSessionIdValid(true);
        assertPassedOn(live);

        var liveIcon = request("GET", "/icons/icon-512x512.png", null);
        liveIcon.setRequestedSessionId("LIVE-ID");
        liveIcon.setRequestedSessionIdValid(true);
        assertPassedOn(liveIcon);

        // Vaadin itself tells a page of an ended session that it expired.
        assertPassedOn(stale(request("GET", PushConnections.PUSH_PATH, "v-r=push&v-uiId=0&X-Atmosphere-Transport=websocket")));
        assertPassedOn(stale(request("GET", "/iconsandmore", null)));
        assertPassedOn(request("POST", PushConnections.PUSH_PATH, CLOSE_QUERY));   // no cookie at all
    }

    @Test
    void theFilterCoversThePushAndEveryAppResourceAndRunsBeforeSecurity() {
        var registration = new StaleSessionRequests().staleSessionRequestsFilter();
        assertThat(registration.getUrlPatterns()).containsExactlyInAnyOrder(PushConnections.PUSH_PATH, "/icons/*", "/sw.js",
                "/sw-runtime-resources-precache.js", "/manifest.webmanifest", "/offline-stub.html", "/offline.html");
        assertThat(registration.getOrder()).isEqualTo(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
    }

    private static void assertPassedOn(MockHttpServletRequest request) throws Exception {
        var chain = new MockFilterChain();
        StaleSessionRequests.filter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).as(request.getRequestURI()).isSameAs(request);
    }

    private static MockHttpServletRequest stale(MockHttpServletRequest request) {
        request.setRequestedSessionId("OLD-ID");
        request.setRequestedSessionIdValid(false);
        return request;
    }

    private static MockHttpServletRequest request(String method, String path, String query) {
        var request = new MockHttpServletRequest(method, path);
        request.setQueryString(query);
        return request;
    }
}
