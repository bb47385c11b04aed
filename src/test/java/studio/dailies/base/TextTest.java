package studio.dailies.base;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.dailies.base.Text.Lines.MULTI;
import static studio.dailies.base.Text.Lines.SINGLE;

class TextTest {

    @Test
    void cleaningTrimsUnifiesLineBreaksAndComposesAccents() {
        assertThat(Text.clean("  Lantern\r\nMaker\r ")).isEqualTo("Lantern\nMaker");
        assertThat(Text.clean("Cafe\u0301")).isEqualTo("Café");
        assertThat(Text.clean(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Paper Lanterns", "Café — nuit", "Ωmega 🎬 take", "EP01 · dusk"})
    void ordinaryTextPassesBothKinds(String text) {
        assertThat(Text.problem(Text.clean(text), SINGLE)).isEmpty();
        assertThat(Text.problem(Text.clean(text), MULTI)).isEmpty();
    }

    @Test
    void controlCharactersAreRefusedEverywhere() {
        assertThat(Text.problem("Lan\u0000tern", SINGLE)).hasValueSatisfying(m -> assertThat(m).contains("U+0000"));
        assertThat(Text.problem("Ring\u0007", MULTI)).hasValueSatisfying(m -> assertThat(m).contains("U+0007"));
        assertThat(Text.problem("esc\u001b[31m", MULTI)).isPresent();
    }

    @Test
    void lineBreaksAndTabsAreForParagraphsOnly() {
        assertThat(Text.problem("Episode\nOne", SINGLE)).contains("Use a single line");
        assertThat(Text.problem("a\tb", SINGLE)).isPresent();
        assertThat(Text.problem("First line\nsecond\tline", MULTI)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u200B\u200C\u200D", "\uFEFF", "\u2060 \u200B", "\u3164", "\u00AD"})
    void textThatNobodyCanSeeIsRefused(String invisible) {
        assertThat(Text.problem(Text.clean(invisible), MULTI)).contains("Contains only invisible characters");
    }

    @Test
    void aLoneSurrogateIsRefusedRatherThanStoredAsAQuestionMark() {
        assertThat(Text.problem(Text.clean("take \uD83C"), SINGLE)).hasValueSatisfying(m -> assertThat(m).contains("broken"));
        assertThat(Text.problem(Text.clean("\uDFAC take"), MULTI)).isPresent();
        assertThat(Text.problem(Text.clean("take \uD83C\uDFAC"), SINGLE)).isEmpty();
    }

    @Test
    void invisibleDirectionOverridesAreRefused() {
        assertThat(Text.problem("admin\u202Egnp.exe", SINGLE)).hasValueSatisfying(m -> assertThat(m).contains("U+202E"));
    }
}
