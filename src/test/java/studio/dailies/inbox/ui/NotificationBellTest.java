package studio.dailies.inbox.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.data.provider.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.TestVariants;
import studio.dailies.inbox.NotificationView;
import studio.dailies.notes.NoteDraft;
import studio.dailies.notes.NoteService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bell in the main layout counts unread notifications live and lists them as links. A bell hears of a change
 * after its transaction commits, so the notes here commit for real and are removed afterwards.
 */
@DailiesTest
class NotificationBellTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired NoteService notes;
    @Autowired TestLogins logins;
    @Autowired TransactionTemplate transaction;

    private long shotId;

    @BeforeEach
    @AfterEach
    void cleanUp() {
        jdbc.update("delete from notifications");
        jdbc.update("delete from note_mentions");
        jdbc.update("delete from activity_events where target_type = 'note'");
        jdbc.update("delete from frame_notes");
        if (shotId != 0) {
            jdbc.update("delete from variants where shot_id = ?", shotId);
        }
    }

    @Test
    @WithUserDetails("director")
    void theBellCountsAMentionLiveAndItsLinkNamesTheShotTakeAndFrame() {
        UI.getCurrent().navigate("review");
        var bell = $(NotificationBell.class).single();
        // The layout (and its bell) may predate this class's clean-up of other classes' notifications.
        bell.refresh();
        assertThat(bell.count.isVisible()).isFalse();
        assertThat(bell.bell.getAriaLabel()).hasValue("Notifications, none unread");

        shotId = jdbc.queryForObject("select id from shots where code = 'EP01_SH060'", Long.class);
        long take = TestVariants.insert(jdbc, shotId, "lanterns", 1, null);
        jdbc.update("update variants set frame_count = 36 where id = ?", take);
        long note = asArtist(() -> notes.add(new NoteDraft(take, 11, 11, "@director frame 12 flickers", null)));
        MockVaadin.runUIQueue();

        assertThat(bell.count.isVisible()).isTrue();
        assertThat(bell.count.getText()).isEqualTo("1");
        assertThat(bell.bell.getAriaLabel()).hasValue("Notifications, 1 unread");
        test(bell.bell).click();
        var listed = bell.list.getDataProvider().fetch(new Query<>()).toList();
        assertThat(listed).extracting(NotificationView::link)
                .containsExactly("shots/" + shotId + "?take=" + take + "&frame=12&note=" + note);
        assertThat(listed.getFirst().summary()).contains("Theo Lindqvist mentioned you on EP01_SH060");
    }

    @Test
    @WithUserDetails("director")
    void openingANotificationMarksItReadAndMarkAllReadClearsTheCount() {
        UI.getCurrent().navigate("review");
        var bell = $(NotificationBell.class).single();
        shotId = jdbc.queryForObject("select id from shots where code = 'EP01_SH060'", Long.class);
        long take = TestVariants.insert(jdbc, shotId, "lanterns", 1, null);
        asArtist(() -> notes.add(new NoteDraft(take, 0, 0, "@director one", null)));
        asArtist(() -> notes.add(new NoteDraft(take, 1, 1, "@director two", null)));
        MockVaadin.runUIQueue();
        assertThat(bell.count.getText()).isEqualTo("2");

        var first = bell.list.getDataProvider().fetch(new Query<>()).toList().getFirst();
        var rendered = bell.item(first);   // what the list shows for it
        assertThat(rendered.getHref()).isEqualTo(first.link());
        assertThat(rendered.hasClassName("unread")).isTrue();
        bell.add(rendered);
        studio.dailies.DomEvents.fire(rendered, "click", java.util.Map.of());
        MockVaadin.runUIQueue();
        assertThat(bell.count.getText()).isEqualTo("1");

        test(bell.markAll).click();
        MockVaadin.runUIQueue();
        assertThat(bell.count.isVisible()).isFalse();
    }

    /** Writes as the artist, committed, and comes back to the signed-in director. */
    private long asArtist(java.util.function.LongSupplier write) {
        var director = SecurityContextHolder.getContext().getAuthentication();
        logins.as("artist");
        try {
            return transaction.execute(status -> write.getAsLong());
        } finally {
            SecurityContextHolder.getContext().setAuthentication(director);
        }
    }
}
