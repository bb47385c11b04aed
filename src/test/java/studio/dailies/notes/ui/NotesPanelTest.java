package studio.dailies.notes.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.Query;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.DomEvents;
import studio.dailies.TestLogins;
import studio.dailies.TestVariants;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;
import studio.dailies.notes.NoteDraft;
import studio.dailies.notes.NoteService;
import studio.dailies.notes.NoteThread;
import studio.dailies.review.ReviewService;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The notes panel on the shot page, per role: writing, ranges, drawings, mentions, focus and live changes. */
@DailiesTest
@Transactional
class NotesPanelTest extends SpringBrowserlessTest {

    private static final String ARROW = "{\"strokes\":[{\"tool\":\"arrow\",\"color\":\"#ff3b30\",\"width\":4,"
            + "\"points\":[10,10,40,30]}]}";

    @Autowired JdbcTemplate jdbc;
    @Autowired NoteService notes;
    @Autowired TestLogins logins;
    @Autowired LiveUpdates live;
    @Autowired EntityManager entities;
    @Autowired ReviewService review;

    @Test
    @WithUserDetails("artist")
    void aWriterNotesTheFrameTheClockSettledOnAndMentionsSomeoneFromTheShow() {
        long shotId = shotWithTakes(2);
        var panel = open(shotId);
        var composer = panel.composer;
        assertThat(composer).isNotNull();
        long newest = takes(shotId).getLast();
        assertThat(composer.take.getValue()).as("the newest take is chosen first").isEqualTo(newest);

        panel.clockAt(2);
        assertThat(composer.frameStart.getValue()).isEqualTo(3);
        assertThat(composer.frameEnd.getValue()).isEqualTo(3);
        composer.text.setValue("too dark, @mi");
        var option = $(Button.class, composer.suggestions).single();
        assertThat(option.getText()).isEqualTo("Mira Okafor @director");
        test(option).click();
        assertThat(composer.text.getValue()).isEqualTo("too dark, @director ");
        test(composer.submit).click();

        entities.flush();
        var stored = jdbc.queryForMap("select variant_id, frame_start, frame_end, body from frame_notes where shot_id = ?", shotId);
        assertThat(stored).containsEntry("VARIANT_ID", newest).containsEntry("FRAME_START", 2).containsEntry("FRAME_END", 2)
                .containsEntry("BODY", "too dark, @director");
        assertThat(jdbc.queryForObject("select count(*) from note_mentions", Long.class)).isOne();
        assertThat(composer.text.getValue()).as("the composer is ready for the next note").isEmpty();
        assertThat(threads(panel)).hasSize(1);
    }

    @Test
    @WithUserDetails("director")
    void inAndOutMarkARangeAndFramesTheTakeDoesNotHaveAreRefusedOnTheirFieldKeepingTheText() {
        long shotId = shotWithTakes(1);
        var panel = open(shotId);
        var composer = panel.composer;
        panel.markIn(1);
        panel.markOut(3);
        panel.clockAt(0);   // a chosen range no longer follows the clock
        assertThat(composer.frameStart.getValue()).isEqualTo(2);
        assertThat(composer.frameEnd.getValue()).isEqualTo(4);

        composer.frameEnd.setValue(9);   // the test take has 4 frames
        composer.text.setValue("the rain stops here");
        test(composer.submit).click();
        assertThat(composer.frameEnd.isInvalid()).isTrue();
        assertThat(composer.frameEnd.getErrorMessage()).contains("Use a frame from 1 to 4");
        assertThat(composer.text.getValue()).isEqualTo("the rain stops here");
        assertThat(jdbc.queryForObject("select count(*) from frame_notes", Long.class)).isZero();
    }

    @Test
    @WithUserDetails("artist")
    void aDrawingMadeOnTheTakesPlayerIsSavedWithTheNoteAndShownOnItsLayer() {
        long shotId = shotWithTakes(1);
        var panel = open(shotId);
        var composer = panel.composer;
        test(composer.draw).click();
        var layer = $(AnnotationLayer.class).all().stream().filter(l -> l.variantId() == composer.take.getValue())
                .findFirst().orElseThrow();
        assertThat(layer.isDrawing()).isTrue();
        assertThat(composer.tools.isVisible()).isTrue();
        DomEvents.fire(layer, "draft-changed", Map.of("event.detail.json", ARROW, "event.detail.strokes", 1,
                "event.detail.undo", true, "event.detail.redo", false));
        assertThat(composer.strokes.getText()).isEqualTo("1 stroke");
        assertThat(composer.undo.isEnabled()).isTrue();
        test(composer.submit).click();

        entities.flush();
        assertThat(jdbc.queryForObject("select drawing_json from frame_notes", String.class)).contains("\"tool\":\"arrow\"");
        assertThat(layer.isDrawing()).isFalse();
        assertThat(layer.drawings()).contains("\"tool\":\"arrow\"");
    }

    @Test
    @WithUserDetails("admin")
    void adminsReadNotesButHaveNoComposerAndNoReplyOrResolve() {
        long shotId = shotWithTakes(1);
        noteAs("artist", takes(shotId).getFirst(), "look at the sky");
        var panel = open(shotId);
        assertThat(panel.composer).isNull();
        var card = new NoteCard(threads(panel).getFirst(), new NoteCard.Permissions(0, false, false), panel,
                java.time.ZoneId.of("UTC"));
        assertThat($(Button.class, card).all()).extracting(Button::getText).doesNotContain("Reply", "Resolve", "Edit", "Delete");
    }

    @Test
    @WithUserDetails("director")
    void noteTextIsShownAsTextNeverAsMarkupWithMentionsMarkedOut() {
        long shotId = shotWithTakes(1);
        noteAs("artist", takes(shotId).getFirst(), "<b>bold</b> <img src=x onerror=alert(1)> @director");
        var panel = open(shotId);
        var text = NoteText.of(threads(panel).getFirst().root());
        assertThat(text.getElement().getTextRecursively()).isEqualTo("<b>bold</b> <img src=x onerror=alert(1)> @director");
        assertThat(text.getElement().getChildren().filter(c -> !c.isTextNode()).map(c -> c.getTag())).containsExactly("span");
        assertThat(text.getChildren().filter(Span.class::isInstance).map(c -> ((Span) c).getText()))
                .containsExactly("@director");
    }

    @Test
    @WithUserDetails("director")
    void aMarkerClickBringsItsThreadForwardAndANoteFromAnotherViewerArrivesLive() {
        long shotId = shotWithTakes(1);
        long take = takes(shotId).getFirst();
        var panel = open(shotId);
        long note = noteAs("artist", take, "from another page");
        live.publish(new ShotChange(shotId, ShotChange.Kind.NOTES));
        MockVaadin.runUIQueue();

        var player = $(com.vaadin.flow.component.Component.class).all().stream()
                .filter(c -> !c.getElement().isTextNode() && "frame-player".equals(c.getElement().getTag())).findFirst().orElseThrow();
        var sent = player.getElement().getProperty("markersJson", "") + player.getElement().getProperty("markersAddedJson", "");
        assertThat(sent).as("the new marker, in the whole list or among the added ones").contains("\"note\":" + note);
        assertThat(threads(panel)).extracting(NoteThread::id).containsExactly(note);

        panel.focus(note);
        assertThat(panel.focused.isVisible()).isTrue();
        assertThat(panel.focused.getElement().getTextRecursively()).contains("from another page");
    }

    @Test
    @WithUserDetails("director")
    void aPagesOwnNoteHeardAgainLiveIsNotReadAgainWhileAnotherViewersIs() {
        long shotId = shotWithTakes(1);
        long take = takes(shotId).getFirst();
        var panel = open(shotId);
        assertThat(panel.list.getPlaceholderItem()).isSameAs(NoteCards.PLACEHOLDER);
        long mine = panel.addNote(new NoteDraft(take, 0, 0, "mine", null));
        live.publish(new ShotChange(shotId, ShotChange.Kind.NOTES));   // as its commit does, before the page reads
        panel.written(mine);
        MockVaadin.runUIQueue();   // the page hears its own note's live change: its own read already shows it
        assertThat(panel.shared).isNull();
        assertThat(threads(panel)).extracting(NoteThread::id).containsExactly(mine);

        long theirs = noteAs("artist", take, "theirs");
        live.publish(new ShotChange(shotId, ShotChange.Kind.NOTES));
        MockVaadin.runUIQueue();
        assertThat(panel.shared).isNotNull();
        assertThat(threads(panel)).extracting(NoteThread::id).contains(mine, theirs);
    }

    @Test
    @WithUserDetails("director")
    void aDecisionLeavesTheComposersTakeChoiceAloneAndANewTakeKeepsIt() {
        long shotId = shotWithTakes(2);
        var first = takes(shotId).getFirst();
        var panel = open(shotId);
        var choice = Objects.requireNonNull(panel.composer).take;
        choice.setValue(first);
        var items = choice.getDataProvider();

        review.approve(takes(shotId).getLast());
        live.publish(new ShotChange(shotId, ShotChange.Kind.DECISION));
        MockVaadin.runUIQueue();
        assertThat(choice.getDataProvider()).as("every open page hears a decision: the same takes are not sent again")
                .isSameAs(items);
        assertThat(choice.getValue()).isEqualTo(first);

        TestVariants.insert(jdbc, shotId, "dawn over misty mountains", 3, null);
        live.publish(new ShotChange(shotId, ShotChange.Kind.VARIANTS));
        MockVaadin.runUIQueue();
        assertThat(choice.getListDataView().getItems()).containsExactlyElementsOf(takes(shotId));
        assertThat(choice.getValue()).isEqualTo(first);
    }

    private NotesPanel open(long shotId) {
        UI.getCurrent().navigate("shots/" + shotId);
        return $(NotesPanel.class).single();
    }

    private List<NoteThread> threads(NotesPanel panel) {
        return panel.list.getDataProvider().fetch(new Query<>()).toList();
    }

    private long noteAs(String username, long take, String text) {
        var me = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        logins.as(username);
        try {
            return notes.add(new NoteDraft(take, 0, 0, text, null));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(me);
        }
    }

    private long shotWithTakes(int count) {
        long shotId = jdbc.queryForObject("select id from shots where code = 'EP01_SH010'", Long.class);
        for (int seed = 1; seed <= count; seed++) {
            TestVariants.insert(jdbc, shotId, "dawn over misty mountains", seed, null);
        }
        jdbc.update("update shots set status = 'IN_REVIEW' where id = ?", shotId);
        return shotId;
    }

    private List<Long> takes(long shotId) {
        return jdbc.queryForList("select id from variants where shot_id = ? order by created_at", Long.class, shotId);
    }
}
