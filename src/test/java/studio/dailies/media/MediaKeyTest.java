package studio.dailies.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MediaKeyTest {

    private static final String HEX = "0123456789abcdef0123456789abcdef";

    @Test
    void aKeyIsAShowIdASlashAndThirtyTwoLowerCaseHexCharacters() {
        var key = MediaKey.parse("42/" + HEX).orElseThrow();

        assertThat(key.showId()).isEqualTo(42);
        assertThat(key.hash()).isEqualTo(HEX);
        assertThat(MediaKey.parse("0/" + HEX)).map(MediaKey::showId).contains(0L);
        assertThat(MediaKey.parse("999999999999/" + HEX)).map(MediaKey::showId).contains(999_999_999_999L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "42", "42/", "/" + HEX, "42/" + HEX + "0", "42/" + "0123456789abcdef0123456789abcde",
            "42/0123456789ABCDEF0123456789ABCDEF", "042/" + HEX, "-1/" + HEX, "+1/" + HEX, "1234567890123/" + HEX,
            "42/" + HEX + "/", "42/" + HEX + "/poster.jpg", "42\\" + HEX, "42//" + HEX, " 42/" + HEX, "42/" + HEX + "\n",
            "../" + HEX, "42/../" + HEX, "٤٢/" + HEX, "42/0123456789abcdef0123456789abcdeg"})
    void junkIsNotAKey(String value) {
        assertThat(MediaKey.parse(value)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new MediaKey(value)).withMessageStartingWith("Not a media key");
    }

    @Test
    void theContentKeyDependsOnTheFramesAndTheirShapeAndIsStable() {
        var frames = Clips.gradients(3, 4, 2, 2);

        assertThat(MediaKey.forContent(frames)).isEqualTo(MediaKey.forContent(Clips.gradients(3, 4, 2, 2)));
        assertThat(MediaKey.forContent(new FrameSequence(3, 2, 4, frames.rgbFrames())))
                .isNotEqualTo(MediaKey.forContent(frames));
        assertThat(MediaKey.forContent(Clips.gradients(3, 4, 2, 2, 1))).isNotEqualTo(MediaKey.forContent(frames));
    }
}
