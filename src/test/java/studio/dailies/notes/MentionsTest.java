package studio.dailies.notes;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MentionsTest {

    private static final Map<String, Long> MEMBERS = Map.of("director", 1L, "artist", 2L, "j.doe", 3L);

    @Test
    void membersNamedWithAnAtAreMentionedOnceInOrder() {
        assertThat(Mentions.in("@artist see frame 12, @director. Thanks @artist", MEMBERS)).containsExactly(2L, 1L);
        assertThat(Mentions.in("ask @J.Doe.", MEMBERS)).containsExactly(3L);
    }

    @Test
    void strangersEmailAddressesAndBareWordsAreNotMentions() {
        assertThat(Mentions.in("@stranger and mail director@studio.test or director", MEMBERS)).isEmpty();
        assertThat(Mentions.in("@@director", MEMBERS)).isEmpty();
    }

    @Test
    void aNameBeingTypedIsCompleted() {
        assertThat(Mentions.typedAtEnd("looks good, @di")).contains("di");
        assertThat(Mentions.typedAtEnd("@")).contains("");
        assertThat(Mentions.typedAtEnd("mail a@b")).isEmpty();
        assertThat(Mentions.typedAtEnd("@director done")).isEmpty();
        assertThat(Mentions.complete("looks good, @di", "director")).isEqualTo("looks good, @director ");
    }
}
