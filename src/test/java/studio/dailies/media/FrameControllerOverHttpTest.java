package studio.dailies.media;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through a real Tomcat, which MockMvc is not: Tomcat decodes and normalises paths before Spring sees them, and
 * turns errors into a dispatch to /error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FrameControllerOverHttpTest {

    @LocalServerPort int port;
    @Autowired MediaStore store;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient artist = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private MediaKey key;

    @BeforeEach
    void logInAsArtistAndStoreAClip() throws Exception {
        key = store.writeClip(Clips.gradients(jdbc.queryForObject("select id from shows", Long.class), 64, 36, 6));
        var login = artist.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=artist&password=artist-demo1")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).doesNotContain("error"));
    }

    @Test
    void aLoggedInMemberGetsTheFrame() throws Exception {
        var response = get("/media/" + key + "/poster.jpg");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(store.resolve(key, "poster.jpg").orElseThrow()));
        assertThat(response.headers().firstValue("Cache-Control")).contains("max-age=31536000, private, immutable");
    }

    /** Spring Security's firewall refuses these; the answer must be 404, not the 403 of a denied /error. */
    @ParameterizedTest
    @ValueSource(strings = {"/media/{key}/..", "/media/{key}/../../../etc/passwd", "/media/{key}/%2e%2e/%2e%2e/manifest.json",
            "/media//etc/passwd", "/media/{key}/poster.jpg;.json", "/media/x/../../application.properties"})
    void pathsTheFirewallRefusesAreNotFound(String path) throws Exception {
        var response = get(path.replace("{key}", key.value()));

        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(response.body()).as(path).isEmpty();
    }

    /** Tomcat itself refuses encoded slashes, backslashes and NULs with a 400, before any of our code runs. */
    @ParameterizedTest
    @ValueSource(strings = {"/media/{key}/..%2F..%2Fapplication.properties", "/media/{key}/..%5C..%5Cposter.jpg",
            "/media/{key}/%2Fetc%2Fpasswd", "/media/{key}/poster.jpg%00"})
    void pathsTomcatRefusesNeverReachTheStore(String path) throws Exception {
        var response = get(path.replace("{key}", key.value()));

        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(new String(response.body())).as(path).doesNotContain("JFIF", "spring.", "root:");
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return artist.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
