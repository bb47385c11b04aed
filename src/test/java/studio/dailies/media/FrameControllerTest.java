package studio.dailies.media;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;

import java.net.URI;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DailiesTest
@AutoConfigureMockMvc
@Transactional
class FrameControllerTest {

    @Autowired MockMvc mvc;
    @Autowired MediaStore store;
    @Autowired JdbcTemplate jdbc;
    @Autowired SecurityContextHolderStrategy securityContexts;

    private MediaKey key;

    @BeforeEach
    void storeAClipOfTheDemoShow() {
        long showId = jdbc.queryForObject("select id from shows", Long.class);
        key = store.writeClip(Clips.gradients(showId, 64, 36, 6));
        // Rolled back with the test: a user who belongs to no show.
        jdbc.update("""
                insert into app_users (username, display_name, password_hash, role, created_at)
                values ('outsider', 'Olu Outsider', 'not-a-hash', 'ARTIST', current_timestamp)""");
    }

    @Test
    @WithUserDetails("artist")
    void aMemberGetsTheFrameWithAnETagAndPrivateImmutableCaching() throws Exception {
        var frame = store.resolve(key, "f0002.jpg").orElseThrow();

        fetch(get("/media/" + key + "/f0002.jpg"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andExpect(content().bytes(Files.readAllBytes(frame)))
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + key.hash() + "-f0002.jpg\""))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=31536000, private, immutable"))
                .andExpect(header().doesNotExist(HttpHeaders.PRAGMA));
    }

    @Test
    @WithUserDetails("director")
    void theManifestIsServedAsJson() throws Exception {
        fetch(get("/media/" + key + "/manifest.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/json"))
                .andExpect(content().json("{\"width\":64,\"height\":36,\"frameCount\":6}"));
    }

    @Test
    @WithUserDetails("artist")
    void eachFileHasItsOwnETag() throws Exception {
        var poster = fetch(get("/media/" + key + "/poster.jpg")).andExpect(status().isOk()).andReturn().getResponse();
        var contact = fetch(get("/media/" + key + "/contact.jpg")).andExpect(status().isOk()).andReturn().getResponse();

        assertThat(poster.getHeader(HttpHeaders.ETAG)).isEqualTo("\"" + key.hash() + "-poster.jpg\"");
        assertThat(contact.getHeader(HttpHeaders.ETAG)).isEqualTo("\"" + key.hash() + "-contact.jpg\"");
    }

    @Test
    @WithUserDetails("artist")
    void aFrameTheBrowserHasIsAnsweredWithNotModified() throws Exception {
        var etag = "\"" + key.hash() + "-poster.jpg\"";

        fetch(get("/media/" + key + "/poster.jpg").header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string(HttpHeaders.ETAG, etag))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=31536000, private, immutable"))
                .andExpect(content().bytes(new byte[0]));
        fetch(get("/media/" + key + "/poster.jpg").header(HttpHeaders.IF_NONE_MATCH, "\"something-else\""))
                .andExpect(status().isOk());
    }

    @Test
    @WithUserDetails(value = "outsider", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void someoneOutsideTheShowGetsNotFoundAsIfTheClipDidNotExist() throws Exception {
        fetch(get("/media/" + key + "/poster.jpg"))
                .andExpect(status().isNotFound())
                .andExpect(content().bytes(new byte[0]));
    }

    @Test
    @WithUserDetails("admin")
    void anAdminSeesEveryShow() throws Exception {
        fetch(get("/media/" + key + "/poster.jpg")).andExpect(status().isOk());
    }

    @Test
    void anAnonymousVisitorIsSentToLogInAndGetsNoBytes() throws Exception {
        fetch(get("/media/" + key + "/poster.jpg"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"))
                .andExpect(content().bytes(new byte[0]));
    }

    @Test
    @WithUserDetails("artist")
    void anUnknownClipAFileNotStoredAndAnotherShowsKeyAreNotFound() throws Exception {
        fetch(get("/media/" + key.showId() + "/" + "0".repeat(32) + "/poster.jpg")).andExpect(status().isNotFound());
        fetch(get("/media/" + key + "/f0006.jpg")).andExpect(status().isNotFound());
        fetch(get("/media/" + (key.showId() + 1000) + "/" + key.hash() + "/poster.jpg"))
                .andExpect(status().isNotFound());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/media/{key}/passwd", "/media/{key}/F0000.JPG", "/media/{key}/poster.png", "/media/{key}/f1.jpg",
            "/media/{key}/poster.jpg/extra", "/media/{key}", "/media/{show}", "/media", "/media/",
            "/media/0{key}/poster.jpg", "/media/{show}/{HASH}/poster.jpg", "/media/{show}/{hash}0/poster.jpg",
            "/media/{show}/etc/passwd", "/media/{key}/..", "/media/{key}/../../../etc/passwd",
            "/media/{key}/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/media/{key}/%2E%2E%2Fmanifest.json",
            "/media/{key}/..%2F..%2Fapplication.properties", "/media/{key}/..%5C..%5Cposter.jpg",
            "/media/{key}/%2Fetc%2Fpasswd", "/media//etc/passwd",
            "/media/{key}/poster.jpg%00", "/media/{key}/poster.jpg;.json"})
    @WithUserDetails("artist")
    void malformedKeysBadNamesAndTraversalAreNotFound(String path) throws Exception {
        var uri = path.replace("{key}", key.value()).replace("{show}", Long.toString(key.showId()))
                .replace("{hash}", key.hash()).replace("{HASH}", key.hash().toUpperCase());

        var response = fetch(get(URI.create(uri))).andReturn().getResponse();

        assertThat(response.getStatus()).as(uri).isEqualTo(404);
        assertThat(response.getContentAsString()).as(uri).doesNotContain("root:", "spring.", "JFIF");
    }

    /**
     * MockMvc takes each request's user from the application's security context holder (Vaadin's), which the
     * request clears on its way out; without putting the user back, a second request in one test is anonymous.
     */
    private ResultActions fetch(MockHttpServletRequestBuilder request) throws Exception {
        var user = securityContexts.getContext();
        try {
            return mvc.perform(request);
        } finally {
            securityContexts.setContext(user);
        }
    }
}
