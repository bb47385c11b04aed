package studio.dailies.inbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.TestVariants;
import studio.dailies.base.NotFoundException;
import studio.dailies.notes.NoteDraft;
import studio.dailies.notes.NoteService;
import studio.dailies.review.ReviewService;
import studio.dailies.security.ShowTeamService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who is told of what: mentions, replies and decisions, never one's own doing; marking read; membership. */
@DailiesTest
@Transactional
class InboxServiceTest {

    @Autowired InboxService inbox;
    @Autowired NoteService notes;
    @Autowired ReviewService review;
    @Autowired ShowTeamService teams;
    @Autowired TestLogins logins;
    @Autowired JdbcTemplate jdbc;

    private long shotId;
    private long take;

    @BeforeEach
    void aShotInReviewAssignedToArtist2() {
        shotId = jdbc.queryForObject("select id from shots where code = 'EP01_SH040'", Long.class);
        take = TestVariants.insert(jdbc, shotId, "rain over rooftops", 1, null);
        jdbc.update("update variants set frame_count = 36 where id = ?", take);
        jdbc.update("update shots set status = 'IN_REVIEW' where id = ?", shotId);
    }

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void aMentionReachesThePersonNamedWithALinkToTheExactShotTakeAndFrame() {
        logins.as("artist");
        long note = notes.add(new NoteDraft(take, 11, 11, "@director is this too dark? cc @artist", null));

        logins.as("director");
        assertThat(inbox.unreadCount()).isOne();
        var told = inbox.latest(Pageable.ofSize(10)).getContent().getFirst();
        assertThat(told.kind()).isEqualTo(NotificationKind.MENTION);
        assertThat(told.summary()).isEqualTo("Theo Lindqvist mentioned you on EP01_SH040, take #" + take
                + ", frame 12: “@director is this too dark? cc @artist”");
        assertThat(told.link()).isEqualTo("shots/" + shotId + "?take=" + take + "&frame=12&note=" + note);
        logins.as("artist");
        assertThat(inbox.unreadCount()).as("nobody is told of their own mention").isZero();
    }

    @Test
    void aReplyTellsTheThreadsAuthorOnceEvenWhenItAlsoMentionsThem() {
        logins.as("artist");
        long note = notes.add(new NoteDraft(take, 0, 0, "more rain", null));
        logins.as("director");
        notes.reply(note, "@artist agreed, double it");
        notes.reply(note, "and slower");
        logins.as("artist");
        assertThat(inbox.unreadCount()).isEqualTo(2);
        assertThat(inbox.latest(Pageable.ofSize(10)).getContent()).extracting(NotificationView::kind)
                .containsOnly(NotificationKind.REPLY);
        notes.reply(note, "done in take 2");
        logins.as("director");
        assertThat(inbox.unreadCount()).as("replying in your own thread tells nobody else").isZero();
    }

    @Test
    void anEditThatAddsAMentionTellsOnlyTheNewlyMentioned() {
        logins.as("artist");
        long note = notes.add(new NoteDraft(take, 0, 0, "@director look", null));
        notes.edit(note, 0, "@director look, and @producer too");
        logins.as("producer");
        assertThat(inbox.unreadCount()).isOne();
        logins.as("director");
        assertThat(inbox.unreadCount()).isOne();
    }

    @Test
    void aDecisionOnAShotTellsTheArtistItIsAssignedTo() {
        logins.as("director");
        review.approve(take);
        logins.as("artist2");
        var told = inbox.latest(Pageable.ofSize(10)).getContent();
        assertThat(told).extracting(NotificationView::kind).containsExactly(NotificationKind.DECISION);
        assertThat(told.getFirst().summary()).isEqualTo("Mira Okafor approved take #" + take + " of EP01_SH040");
        assertThat(told.getFirst().link()).isEqualTo("shots/" + shotId + "?take=" + take);
        logins.as("artist");
        assertThat(inbox.unreadCount()).as("not assigned to them").isZero();
    }

    @Test
    void oneOrAllAreMarkedReadAndNobodyMarksAnotherPersons() {
        logins.as("artist");
        long note = notes.add(new NoteDraft(take, 0, 0, "@director one", null));
        notes.add(new NoteDraft(take, 1, 1, "@director two", null));
        notes.add(new NoteDraft(take, 2, 2, "@director three", null));
        logins.as("director");
        var first = inbox.latest(Pageable.ofSize(10)).getContent().getLast();
        logins.as("producer");
        assertThatThrownBy(() -> inbox.markRead(first.id())).isInstanceOf(NotFoundException.class);
        logins.as("director");
        inbox.markRead(first.id());
        assertThat(inbox.unreadCount()).isEqualTo(2);
        assertThat(inbox.latest(Pageable.ofSize(10)).getContent()).filteredOn(NotificationView::read)
                .extracting(NotificationView::noteId).containsExactly(note);
        inbox.markAllRead();
        assertThat(inbox.unreadCount()).isZero();
        assertThat(inbox.latest(Pageable.ofSize(10)).getTotalElements()).isEqualTo(3);
    }

    @Test
    void notificationsAboutAShowYouLeftAreNoLongerListed() {
        logins.as("artist");
        notes.add(new NoteDraft(take, 0, 0, "@artist2 over to you", null));
        long showId = jdbc.queryForObject("select id from shows", Long.class);
        long artist2 = jdbc.queryForObject("select id from app_users where username = 'artist2'", Long.class);
        logins.as("admin");
        teams.removeMember(showId, artist2);
        logins.as("artist2");
        assertThat(inbox.unreadCount()).isZero();
        assertThat(inbox.latest(Pageable.ofSize(10))).isEmpty();
    }
}
