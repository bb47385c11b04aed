package studio.dailies.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What a browser gets for addresses outside the app's pages, through a real Tomcat. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebAccessOverHttpTest {

    @LocalServerPort int port;

    /**
     * A signed-in user's typo is the app's own page (HTML, status 404), not an empty 403 the browser downloads. The
     * page's script then shows the app's "Page not found" view in the main layout (checked in a browser by
     * RoleJourney).
     */
    @ParameterizedTest
    @ValueSource(strings = {"/shot/1", "/nonexistent", "/shots/abc", "/episodes/xyz", "/admin/nothing"})
    void aSignedInUsersUnknownAddressIsTheAppsStartPageWithA404(String path) throws Exception {
        var artist = signedIn("artist", "artist-demo1");
        var response = get(artist, path);
        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).as(path)
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).as(path).contains("<html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/episodes", "/shots/1", "/my-shots"})
    void aKnownAddressIsAnOrdinaryPage(String path) throws Exception {
        var response = get(signedIn("artist", "artist-demo1"), path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
    }

    @Test
    void anAnonymousVisitorsUnknownAddressLeadsToTheLoginPage() throws Exception {
        var response = get(client(), "/nonexistent");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void onlyAdminsReadTheMetrics() throws Exception {
        assertThat(get(signedIn("admin", "admin-demo1"), "/actuator/metrics").statusCode()).isEqualTo(200);
        assertThat(get(signedIn("admin", "admin-demo1"), "/actuator/metrics/jvm.memory.used").body())
                .contains("\"name\":\"jvm.memory.used\"");
        assertThat(get(signedIn("producer", "producer-demo"), "/actuator/metrics").statusCode()).isEqualTo(403);
        assertThat(get(client(), "/actuator/metrics").statusCode()).isIn(302, 401);
    }

    @Test
    void healthIsPublicAndSaysTheDatabaseCanBeWritten() throws Exception {
        var response = get(client(), "/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    private HttpClient signedIn(String username, String password) throws Exception {
        var client = client();
        var login = client.send(HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).doesNotContain("error"));
        return client;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** As a browser asks for a page. */
    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
