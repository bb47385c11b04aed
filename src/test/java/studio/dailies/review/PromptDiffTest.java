package studio.dailies.review;

import org.junit.jupiter.api.Test;
import studio.dailies.review.PromptDiff.Change;
import studio.dailies.review.PromptDiff.Word;

import static org.assertj.core.api.Assertions.assertThat;

class PromptDiffTest {

    @Test
    void aReplacedWordShowsAsRemovedThenAddedInReadingOrder() {
        assertThat(PromptDiff.of("dawn over misty mountains, slow pan", "night over misty mountains, slow zoom"))
                .containsExactly(
                        new Word("dawn", Change.REMOVED), new Word("night", Change.ADDED),
                        new Word("over", Change.KEPT), new Word("misty", Change.KEPT),
                        new Word("mountains,", Change.KEPT), new Word("slow", Change.KEPT),
                        new Word("pan", Change.REMOVED), new Word("zoom", Change.ADDED));
    }

    @Test
    void addedAndRemovedWordsAtTheEdgesAreFound() {
        assertThat(PromptDiff.of("rain over the city", "heavy rain over the city at night"))
                .extracting(Word::change)
                .containsExactly(Change.ADDED, Change.KEPT, Change.KEPT, Change.KEPT, Change.KEPT, Change.ADDED,
                        Change.ADDED);
        assertThat(PromptDiff.of("warm light, fog", "fog")).extracting(Word::text, Word::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("warm", Change.REMOVED),
                        org.assertj.core.groups.Tuple.tuple("light,", Change.REMOVED),
                        org.assertj.core.groups.Tuple.tuple("fog", Change.KEPT));
    }

    @Test
    void whitespaceAloneIsNoChange() {
        var diff = PromptDiff.of("  snow   on the  hills ", "snow on the hills");
        assertThat(PromptDiff.changed(diff)).isFalse();
        assertThat(diff).hasSize(4);
    }

    @Test
    void anEmptyParentMakesEveryWordNew() {
        assertThat(PromptDiff.of("", "sunset sea")).extracting(Word::change).containsOnly(Change.ADDED);
        assertThat(PromptDiff.of("sunset sea", "")).extracting(Word::change).containsOnly(Change.REMOVED);
    }
}
