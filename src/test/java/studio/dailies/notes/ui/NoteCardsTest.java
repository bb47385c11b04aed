package studio.dailies.notes.ui;

import org.junit.jupiter.api.Test;
import studio.dailies.notes.NoteThread;
import studio.dailies.notes.NoteView;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The values the list's cards are drawn from: who may do what, and text that stays text. */
class NoteCardsTest {

    private static final Instant AT = Instant.parse("2026-11-30T09:15:00Z");

    private static NoteView note(long id, Long parent, long author, String text, boolean resolved, List<NoteView.Mention> mentioned) {
        return new NoteView(id, 1, 7, parent, 11, 11, text, parent == null, author, "Author " + author, AT, null, false,
                resolved, resolved ? "Mira Okafor" : null, resolved ? AT : null, resolved ? 9L : null, mentioned, 0);
    }

    private final NoteThread thread = new NoteThread(
            note(1, null, 10, "@director <b>frame 12</b> flickers", false, List.of(new NoteView.Mention(20, "director", "Mira Okafor"))),
            List.of(note(2, 1L, 20, "agreed", false, List.of())));

    @Test
    void aWriterMayReplyAndResolveAndEditOnlyTheirOwnNote() {
        var card = NoteCards.card(thread, new NoteCard.Permissions(20, true, true), ZoneOffset.UTC);
        assertThat(card.go()).isEqualTo("#7 · frame 12");
        assertThat(card.write()).isTrue();
        assertThat(card.use()).isTrue();
        assertThat(card.drawn()).isTrue();
        assertThat(card.resolved()).isFalse();
        assertThat(card.root().mine()).isFalse();
        assertThat(card.root().when()).isEqualTo("2026-11-30 09:15");
        assertThat(card.replies()).singleElement().satisfies(reply -> {
            assertThat(reply.mine()).isTrue();
            assertThat(reply.reply()).isTrue();
        });
    }

    @Test
    void aReaderGetsNoActionsAndMentionsAreMarkedOutWhileMarkupStaysText() {
        var card = NoteCards.card(thread, new NoteCard.Permissions(30, false, false), ZoneOffset.UTC);
        assertThat(card.write()).isFalse();
        assertThat(card.use()).isFalse();
        assertThat(card.actions()).isFalse();
        assertThat(card.root().parts()).containsExactly(new NoteText.Part("@director", "Mira Okafor"),
                new NoteText.Part(" <b>frame 12</b> flickers", null));
    }

    @Test
    void aResolvedThreadSaysWhoResolvedItAndWhichTakeAnsweredIt() {
        var resolved = new NoteThread(note(3, null, 10, "fixed?", true, List.of()), List.of());
        var card = NoteCards.card(resolved, new NoteCard.Permissions(10, true, false), ZoneOffset.UTC);
        assertThat(card.resolvedLine()).isEqualTo("Resolved by Mira Okafor · 2026-11-30 09:15");
        assertThat(card.answer()).isEqualTo(9L);
        assertThat(card.use()).isFalse();
        assertThat(card.actions()).isTrue();
    }

    @Test
    void theLoadingRowIsACardThatWaitsWithTheViewersActionsSoTheBrowserKeepsTheCardsParts() {
        var writer = NoteCards.placeholder(new NoteCard.Permissions(20, true, true), ZoneOffset.UTC);
        assertThat(writer.waiting()).isTrue();
        assertThat(writer.id()).isZero();
        assertThat(writer.root().author()).isEmpty();
        assertThat(writer.root().mine()).isFalse();
        assertThat(writer.write()).isTrue();
        assertThat(writer.use()).isTrue();
        assertThat(writer.actions()).isTrue();
        var reader = NoteCards.placeholder(new NoteCard.Permissions(30, false, false), ZoneOffset.UTC);
        assertThat(reader.actions()).isFalse();
        assertThat(NoteCards.card(thread, new NoteCard.Permissions(20, true, true), ZoneOffset.UTC).waiting()).isFalse();
    }
}
