package studio.dailies.notes;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import jakarta.persistence.EntityManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.TestVariants;
import studio.dailies.base.ConcurrentChangeException;
import studio.dailies.base.InvalidInputException;
import studio.dailies.base.NotNowException;
import studio.dailies.security.NewUser;
import studio.dailies.security.Role;
import studio.dailies.security.SystemUser;
import studio.dailies.security.UserAdminService;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Threads, permissions, mentions, soft deletes and bad input, against the services as each role. */
@DailiesTest
@Transactional
class NoteServiceTest {

    private static final String ARROW = "{\"strokes\":[{\"tool\":\"arrow\",\"color\":\"#ff3b30\",\"width\":4,"
            + "\"points\":[10,10,40,30]}]}";

    @Autowired NoteService notes;
    @Autowired NoteReads reads;
    @Autowired TestLogins logins;
    @Autowired UserAdminService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired EntityManager entities;

    private long shotId;
    private long take;
    private long otherTake;

    @BeforeEach
    void aShotWithTwoTakes() {
        shotId = jdbc.queryForObject("select id from shots where code = 'EP01_SH040'", Long.class);
        take = TestVariants.insert(jdbc, shotId, "rain over rooftops", 1, null);   // 64×64, 4 frames
        otherTake = TestVariants.insert(jdbc, shotId, "rain over rooftops", 2, null);
    }

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void aNoteIsPinnedToFramesOfATakeWithItsDrawingMentionsAndAnAuditRecord() {
        logins.as("artist");
        long id = notes.add(new NoteDraft(take, 1, 2, "  the rain is too light @director  ", ARROW));

        var row = jdbc.queryForMap("select shot_id, frame_start, frame_end, body, drawing_json from frame_notes where id = ?", id);
        assertThat(row).containsEntry("SHOT_ID", shotId).containsEntry("FRAME_START", 1).containsEntry("FRAME_END", 2)
                .containsEntry("BODY", "the rain is too light @director");
        assertThat((String) row.get("DRAWING_JSON")).isEqualTo(Drawing.parse(ARROW, 64, 64).toJson());
        assertThat(jdbc.queryForObject("select count(*) from activity_events where action = 'note.added' and target_id = ?",
                Long.class, id)).isOne();

        var thread = reads.threads(shotId, NoteFilter.ALL, Pageable.ofSize(10)).getContent().getFirst();
        assertThat(thread.root().authorName()).isEqualTo("Theo Lindqvist");
        assertThat(thread.root().drawn()).isTrue();
        assertThat(thread.root().mentioned()).extracting(NoteView.Mention::username).containsExactly("director");
        assertThat(thread.root().frameLabel()).isEqualTo("frames 2–3");
        assertThat(reads.markers(shotId)).containsExactly(new NoteMarker(id, take, 1, 2, false, true));
        assertThat(reads.drawings(shotId, Set.of(take))).extracting(FrameDrawing::noteId).containsExactly(id);
        assertThat(reads.drawings(shotId, Set.of(otherTake))).isEmpty();
    }

    @Test
    void aTakesMarkersComeOldestFirstSoThatANewNotesMarkerIsAddedAtTheEnd() {
        logins.as("artist");
        long late = notes.add(new NoteDraft(take, 3, 3, "late frame", null));
        long early = notes.add(new NoteDraft(take, 0, 0, "early frame", null));
        long other = notes.add(new NoteDraft(otherTake, 0, 0, "other take", null));
        long middle = notes.add(new NoteDraft(take, 1, 1, "middle frame", null));

        assertThat(reads.markers(shotId)).extracting(NoteMarker::noteId)
                .containsExactly(take < otherTake ? new Long[]{late, early, middle, other} : new Long[]{other, late, early, middle});
    }

    @Test
    void aTakesDrawingsComeOldestFirstSoThatANewDrawingIsAddedAtTheEnd() {
        logins.as("artist");
        long late = notes.add(new NoteDraft(take, 3, 3, "late frame", ARROW));
        long early = notes.add(new NoteDraft(take, 0, 0, "early frame", ARROW));
        notes.add(new NoteDraft(take, 2, 2, "no drawing", null));
        long middle = notes.add(new NoteDraft(take, 1, 1, "", ARROW));

        assertThat(reads.drawings(shotId, List.of(take))).extracting(FrameDrawing::noteId).containsExactly(late, early, middle);
    }

    @Test
    void repliesJoinTheThreadOfItsFirstNoteInTheOrderTheyWereWritten() {
        logins.as("artist");
        long root = notes.add(new NoteDraft(take, 0, 0, "horizon tilts", null));
        logins.as("director");
        long first = notes.reply(root, "agreed, level it");
        logins.as("artist2");
        long second = notes.reply(first, "on it");   // a reply to a reply joins the same thread

        assertThat(jdbc.queryForList("select parent_id from frame_notes where id in (?, ?)", Long.class, first, second))
                .containsOnly(root);
        var threads = reads.threads(shotId, NoteFilter.ALL, Pageable.ofSize(10)).getContent();
        assertThat(threads).hasSize(1);
        assertThat(threads.getFirst().replies()).extracting(NoteView::id).containsExactly(first, second);
        assertThat(threads.getFirst().replies()).extracting(NoteView::authorName).containsExactly("Mira Okafor", "Ines Duarte");
    }

    @Test
    void directorsArtistsAndProducersWriteButAdminsOnlyRead() {
        for (var writer : new String[]{"director", "artist", "producer"}) {
            logins.as(writer);
            notes.add(new NoteDraft(take, 0, 0, "from " + writer, null));
        }
        logins.as("admin");
        assertThatThrownBy(() -> notes.add(new NoteDraft(take, 0, 0, "admin", null))).isInstanceOf(AccessDeniedException.class);
        long any = reads.markers(shotId).getFirst().noteId();
        assertThatThrownBy(() -> notes.reply(any, "admin")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notes.resolve(any, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(reads.threadCount(shotId, NoteFilter.ALL)).isEqualTo(3);
    }

    @Test
    void nobodyEditsOrDeletesAnotherPersonsNoteAndAuthorsEditTheirOwn() {
        logins.as("artist");
        long id = notes.add(new NoteDraft(take, 0, 0, "too dark", null));
        long version = reads.note(id).version();
        for (var other : new String[]{"director", "producer", "artist2", "admin"}) {
            logins.as(other);
            assertThatThrownBy(() -> notes.edit(id, version, "mine now")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> notes.delete(id)).isInstanceOf(AccessDeniedException.class);
        }
        logins.as("artist");
        notes.edit(id, version, "too dark in the corners");
        var edited = reads.note(id);
        assertThat(edited.text()).isEqualTo("too dark in the corners");
        assertThat(edited.editedAt()).isNotNull();
    }

    @Test
    void anEditMadeOnAStaleCopyIsRefused() {
        logins.as("artist");
        long id = notes.add(new NoteDraft(take, 0, 0, "too dark", null));
        long seen = reads.note(id).version();
        notes.edit(id, seen, "too dark, see frame 2");
        reads.threads(shotId, NoteFilter.ALL, Pageable.ofSize(1));   // a query flushes the edit: its version moves
        assertThatThrownBy(() -> notes.edit(id, seen, "overwrite")).isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void deletingIsSoftAuditedAndKeepsTheThreadWhileRepliesStand() {
        logins.as("artist");
        long lonely = notes.add(new NoteDraft(take, 0, 0, "delete me", null));
        long answered = notes.add(new NoteDraft(take, 1, 1, "keep the thread", ARROW));
        logins.as("director");
        notes.reply(answered, "noted");
        logins.as("artist");
        notes.delete(lonely);
        notes.delete(answered);
        entities.flush();

        assertThat(jdbc.queryForObject("select body from frame_notes where id = ?", String.class, lonely)).isEqualTo("delete me");
        assertThat(jdbc.queryForObject("select count(*) from frame_notes where deleted_at is not null and deleted_by is not null",
                Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from activity_events where action = 'note.deleted'", Long.class))
                .isEqualTo(2);
        var threads = reads.threads(shotId, NoteFilter.ALL, Pageable.ofSize(10)).getContent();
        assertThat(threads).extracting(NoteThread::id).containsExactly(answered);
        assertThat(threads.getFirst().root().deleted()).isTrue();
        assertThat(threads.getFirst().root().text()).isEmpty();
        assertThat(threads.getFirst().root().drawn()).isFalse();
        assertThat(reads.markers(shotId)).isEmpty();
        assertThat(reads.drawings(shotId, Set.of(take))).isEmpty();
        assertThatThrownBy(() -> notes.reply(lonely, "hello?")).isInstanceOf(NotNowException.class);
    }

    @Test
    void anyWriterResolvesAThreadWithTheTakeThatAnsweredItAndReopensIt() {
        logins.as("artist");
        long id = notes.add(new NoteDraft(take, 0, 0, "more rain", null));
        logins.as("producer");
        notes.resolve(id, otherTake);
        var resolved = reads.note(id);
        assertThat(resolved.resolved()).isTrue();
        assertThat(resolved.resolvedByName()).isEqualTo("Priya Raman");
        assertThat(resolved.answeredByVariantId()).isEqualTo(otherTake);
        assertThat(reads.threads(shotId, new NoteFilter(null, NoteFilter.State.OPEN), Pageable.ofSize(5))).isEmpty();
        assertThatThrownBy(() -> notes.resolve(id, null)).isInstanceOf(NotNowException.class);

        logins.as("director");
        notes.reopen(id);
        assertThat(reads.note(id).resolved()).isFalse();
        assertThat(reads.note(id).answeredByVariantId()).isNull();

        long elsewhere = TestVariants.insert(jdbc, jdbc.queryForObject("select id from shots where code = 'EP01_SH010'",
                Long.class), "dawn", 3, null);
        assertThatThrownBy(() -> notes.resolve(id, elsewhere)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("answeredByVariantId"));
    }

    @Test
    void framesOutsideTheTakeAreRefusedOnTheirFieldAndNothingIsStored() {
        logins.as("artist");
        assertRefused(new NoteDraft(take, 4, 4, "past the end", null), "frameStart", "Use a frame from 1 to 4");
        assertRefused(new NoteDraft(take, -1, 0, "before the start", null), "frameStart", "Use a frame from 1 to 4");
        assertRefused(new NoteDraft(take, 2, 1, "backwards", null), "frameEnd", "ends before it starts");
        assertRefused(new NoteDraft(take, 0, 9, "too long", null), "frameEnd", "Use a frame from 1 to 4");
        assertThat(jdbc.queryForObject("select count(*) from frame_notes", Long.class)).isZero();
    }

    @Test
    void badTextAndBadDrawingsAreRefusedWithWordsThatNameTheProblem() {
        logins.as("artist");
        assertRefused(new NoteDraft(take, 0, 0, "x".repeat(NoteDraft.TEXT_MAX + 1), null), "text", "At most 2000");
        assertRefused(new NoteDraft(take, 0, 0, "beep\u0007", null), "text", "control character");
        assertRefused(new NoteDraft(take, 0, 0, "\u200B\u200B", null), "text", "invisible");
        assertRefused(new NoteDraft(take, 0, 0, "   ", null), "text", "Write the note, or draw on the frame");
        assertRefused(new NoteDraft(take, 0, 0, "look", "{not json"), "drawing", "not valid JSON");
        assertRefused(new NoteDraft(take, 0, 0, "look", "{\"strokes\":[{\"tool\":\"pen\",\"color\":\"#ff0000\",\"width\":2,"
                + "\"points\":[100,5]}]}"), "drawing", "outside the 64×64 frame");
        assertThatThrownBy(() -> notes.reply(0, "x")).isNotInstanceOf(InvalidInputException.class);
        assertThat(jdbc.queryForObject("select count(*) from frame_notes", Long.class)).isZero();

        long drawingOnly = notes.add(new NoteDraft(take, 0, 0, "", ARROW));
        assertThat(reads.note(drawingOnly).drawn()).isTrue();
        long root = notes.add(new NoteDraft(take, 0, 0, "reply to me", null));
        assertThatThrownBy(() -> notes.reply(root, " ")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors()).containsEntry("text", "Write the reply"));
    }

    @Test
    void textIsKeptExactlyAsTypedMarkupIncluded() {
        logins.as("artist");
        long id = notes.add(new NoteDraft(take, 0, 0, "<img src=x onerror=alert(1)> & <b>bold</b>", null));
        assertThat(reads.note(id).text()).isEqualTo("<img src=x onerror=alert(1)> & <b>bold</b>");
    }

    @Test
    void onlyMembersOfTheShowAreMentioned() {
        SystemUser.run(() -> users.create(new NewUser("outsider", "Out Sider", Role.ARTIST, "outsider-pass", Set.of())));
        logins.as("director");
        long id = notes.add(new NoteDraft(take, 0, 0, "@outsider @artist2 and @nobody, please", null));
        entities.flush();
        assertThat(jdbc.queryForList("select u.username from note_mentions m join app_users u on u.id = m.user_id"
                + " where m.note_id = ?", String.class, id)).containsExactly("artist2");
    }

    @Test
    void peopleOutsideTheShowCanNeitherReadNorWriteItsNotes() {
        SystemUser.run(() -> users.create(new NewUser("outsider", "Out Sider", Role.DIRECTOR, "outsider-pass", Set.of())));
        logins.as("artist");
        long id = notes.add(new NoteDraft(take, 0, 0, "members only", null));
        logins.as("outsider");
        assertThatThrownBy(() -> reads.threads(shotId, NoteFilter.ALL, Pageable.ofSize(5))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reads.markers(shotId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reads.afterChange(shotId, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reads.note(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notes.add(new NoteDraft(take, 0, 0, "let me in", null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notes.reply(id, "let me in")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void pagesThatHeardTheSameChangeShareOneReadOfEachPart() {
        logins.as("artist");
        long first = notes.add(new NoteDraft(take, 1, 1, "the rain is too light", ARROW));
        long change = 2_000_000_000L;   // past any live change number of the other tests in this context

        logins.as("director");
        var director = reads.afterChange(shotId, change);
        assertThat(director.threadCount(NoteFilter.ALL)).isOne();
        assertThat(director.threads(NoteFilter.ALL, Pageable.ofSize(10)).getContent())
                .extracting(t -> t.root().id()).containsExactly(first);
        assertThat(director.markers()).isEqualTo(reads.markers(shotId));
        assertThat(director.drawings(List.of(otherTake, take))).extracting(FrameDrawing::noteId).containsExactly(first);

        logins.as("artist");
        notes.add(new NoteDraft(take, 2, 2, "and the sky", null));   // its own change comes later
        logins.as("producer");
        var producer = reads.afterChange(shotId, change);
        assertThat(producer).as("the same read").isSameAs(director);
        assertThat(producer.threadCount(NoteFilter.ALL)).as("read once, by the director's page").isOne();
        assertThat(producer.markers()).hasSize(1);

        var next = reads.afterChange(shotId, change + 1);
        assertThat(next.threadCount(NoteFilter.ALL)).isEqualTo(2);
        assertThat(next.markers()).hasSize(2);
        var late = reads.afterChange(shotId, change);
        assertThat(late).as("a change heard after a newer one reads on its own").isNotSameAs(director).isNotSameAs(next);
        assertThat(late.threadCount(NoteFilter.ALL)).isEqualTo(2);
    }

    private void assertRefused(NoteDraft draft, String field, String message) {
        assertThatThrownBy(() -> notes.add(draft)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors()).hasEntrySatisfying(field, text -> assertThat(text).contains(message)));
    }
}
