package studio.dailies.review.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import com.vaadin.flow.component.UI;
import org.springframework.security.core.context.SecurityContextHolder;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.base.InvalidInputException;
import studio.dailies.notes.NoteDraft;
import studio.dailies.notes.NoteReads;
import studio.dailies.notes.NoteService;
import studio.dailies.production.GenerationRequest;
import studio.dailies.TestVariants;
import studio.dailies.generation.JobQueue;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.Presence;
import studio.dailies.live.ShotChange;
import studio.dailies.production.ShotStatus;
import studio.dailies.review.ReviewService;
import studio.dailies.security.SystemUser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// Browserless tests run the UI on the test thread, so the view's writes join this transaction and roll back.
@DailiesTest
@Transactional
class ShotReviewViewTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired LiveUpdates live;
    @Autowired Presence presence;
    @Autowired JobQueue queue;
    @Autowired ReviewService review;
    @Autowired NoteService noteService;
    @Autowired NoteReads noteReads;
    @Autowired TestLogins logins;

    @Test
    @WithUserDetails("artist")
    void anArtistGeneratesForTheirShotAndTheJobAppearsQueued() {
        long shotId = shotId("EP01_SH010");   // assigned to the demo artist
        var view = navigate(ShotReviewView.class, shotId);
        assertThat(view.editorPanel.isVisible()).isTrue();
        assertThat(view.editor().promptField.getValue()).startsWith("dawn over misty mountains");

        view.editor().seedField.setValue("1234");
        view.editor().countField.setValue(3);
        test(view.editor().submit).click();

        assertThat(jdbc.queryForObject("select variant_count from generation_jobs where shot_id = ?", Integer.class, shotId))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select seed from generation_jobs where shot_id = ?", Long.class, shotId))
                .isEqualTo(1234L);
        assertThat(jdbc.queryForObject("select status from shots where id = ?", String.class, shotId))
                .isEqualTo(ShotStatus.GENERATING.name());
        assertThat($(ProgressBar.class, view.jobs).all()).hasSize(1);
    }

    @Test
    @WithUserDetails("director")
    void aProgressTickFromTheWorkerMovesTheJobsBarWithoutAReload() {
        long shotId = shotId("EP01_SH050");
        var view = navigate(ShotReviewView.class, shotId);
        test(view.editor().submit).click();
        SystemUser.run(() -> {
            var job = queue.claim("worker-1", Duration.ofMinutes(1)).orElseThrow();
            queue.heartbeat(job.jobId(), "worker-1", Duration.ofMinutes(1), 0.4);
        });

        live.publish(new ShotChange(shotId, ShotChange.Kind.JOB_PROGRESS));
        pushArrives();

        assertThat($(ProgressBar.class, view.jobs).single().getValue()).isEqualTo(0.4);
    }

    @Test
    @WithUserDetails("artist")
    void anArtistSeesTakesButNoApproveRejectOrReopen() {
        long shotId = inReviewWithTakes("EP01_SH010", 2);
        var view = navigate(ShotReviewView.class, shotId);
        assertThat(view.compare.cards).hasSize(2);
        for (var card : view.compare.cards.values()) {
            assertThat(card.approve.isVisible()).isFalse();
            assertThat(card.reject.isVisible()).isFalse();
            assertThat(card.reopen.isVisible()).isFalse();
            assertThat(card.getElement().getTextRecursively()).as("the decision buttons are not on their cards")
                    .doesNotContain("Approve").doesNotContain("Reject");
            assertThat(card.vary.isVisible()).isTrue();   // the shot is theirs
        }
    }

    @Test
    @WithUserDetails("artist")
    void anArtistCannotGenerateForSomeoneElsesShot() {
        long shotId = inReviewWithTakes("EP01_SH030", 1);   // assigned to artist2
        var view = navigate(ShotReviewView.class, shotId);
        assertThat(view.editorPanel.isVisible()).isFalse();
        assertThat(view.compare.cards.values()).allSatisfy(card -> assertThat(card.vary.isVisible()).isFalse());
    }

    @Test
    @WithUserDetails("artist")
    void aShotWithoutTakesSaysSoAndOpensTheEditorOnItsBasePrompt() {
        var view = navigate(ShotReviewView.class, shotId("EP01_SH010"));
        assertThat(view.compare.cards).isEmpty();
        assertThat(view.compare.players.getElement().getTextRecursively()).contains("No takes yet.");
        assertThat(view.cells.getElement().getTextRecursively()).contains("No takes yet.");
        assertThat(view.editorPanel.isOpened()).isTrue();
    }

    @Test
    @WithUserDetails("producer")
    void aProducerSeesTheShotButNoGenerateForm() {
        var view = navigate(ShotReviewView.class, shotId("EP01_SH010"));
        assertThat(view.editorPanel.isVisible()).isFalse();
        assertThat(view.editor).as("the editor is not even built for those who cannot generate").isNull();
    }

    @Test
    @WithUserDetails("director")
    void aDirectorApprovesAndTheCardsTheCellsAndTheStatusFollow() {
        long shotId = inReviewWithTakes("EP01_SH040", 3);
        var view = navigate(ShotReviewView.class, shotId);
        var chosen = view.compare.cards.values().iterator().next();
        assertThat(chosen.approve.isVisible()).isTrue();

        test(chosen.approve).click();

        assertThat(jdbc.queryForObject("select approved_variant_id from shots where id = ?", Long.class, shotId))
                .isEqualTo(chosen.variantId());
        assertThat(standingOf(chosen)).isEqualTo("Approved");
        assertThat(chosen.approve.isVisible()).isFalse();
        assertThat(chosen.reopen.isVisible()).isTrue();
        assertThat(view.compare.cards.values()).filteredOn(card -> card != chosen)
                .allSatisfy(card -> assertThat(card.approve.isEnabled()).isFalse());
        assertThat(view.cells.rollUp.getElement().getTextRecursively()).contains("Approved").contains("1 approved");

        test(chosen.reopen).click();
        assertThat(jdbc.queryForObject("select status from shots where id = ?", String.class, shotId)).isEqualTo("IN_REVIEW");
        assertThat(chosen.approve.isVisible()).isTrue();
    }

    @Test
    @WithUserDetails("director")
    void aRejectionWithoutAReasonIsRefusedInTheDialogAndKeepsNothing() {
        long shotId = inReviewWithTakes("EP01_SH040", 2);
        var view = navigate(ShotReviewView.class, shotId);
        var card = view.compare.cards.values().iterator().next();
        test(card.reject).click();
        var dialog = $(RejectDialog.class).single();

        test(dialog.confirm).click();
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from decisions where shot_id = ?", Long.class, shotId)).isZero();

        dialog.reason.setValue("horizon tilts in the last second");
        test(dialog.confirm).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(jdbc.queryForObject("select reason from decisions where variant_id = ?", String.class, card.variantId()))
                .isEqualTo("horizon tilts in the last second");
        assertThat(standingOf(card)).isEqualTo("Rejected");
    }

    @Test
    @WithUserDetails("director")
    void aDecisionMadeElsewhereArrivesWithoutAReloadAndTheStalePageSaysSo() {
        long shotId = inReviewWithTakes("EP01_SH040", 2);
        var view = navigate(ShotReviewView.class, shotId);
        var ids = List.copyOf(view.compare.cards.keySet());
        review.approve(ids.get(1));   // another director, another UI

        var stale = view.compare.cards.get(ids.get(0));
        test(stale.approve).click();   // this page still offered Approve
        assertThat(jdbc.queryForObject("select approved_variant_id from shots where id = ?", Long.class, shotId))
                .isEqualTo(ids.get(1));
        assertThat(standingOf(view.compare.cards.get(ids.get(1)))).isEqualTo("Approved");
        assertThat(stale.approve.isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails("director")
    void liveDecisionsRedrawTheCardsInPlaceSoThePlayersKeepPlaying() {
        long shotId = inReviewWithTakes("EP01_SH040", 2);
        var view = navigate(ShotReviewView.class, shotId);
        var ids = List.copyOf(view.compare.cards.keySet());
        var cardBefore = view.compare.cards.get(ids.get(0));
        review.approve(ids.get(0));

        live.publish(new ShotChange(shotId, ShotChange.Kind.STATUS));
        pushArrives();

        assertThat(view.compare.cards.get(ids.get(0))).isSameAs(cardBefore);
        assertThat(standingOf(cardBefore)).isEqualTo("Approved");
    }

    @Test
    @WithUserDetails("director")
    void editingAPromptFromATakeShowsTheWordDiffAndQueuesItsChildren() {
        long shotId = inReviewWithTakes("EP01_SH040", 1);
        var view = navigate(ShotReviewView.class, shotId);
        var card = view.compare.cards.values().iterator().next();
        test(card.edit).click();
        assertThat(view.editor().promptField.getValue()).isEqualTo("lantern festival take");
        assertThat(view.editor().lockSeed.getValue()).isTrue();
        assertThat(view.editor().seedField.isReadOnly()).isTrue();
        test(view.editor().reroll).click();
        assertThat(view.editor().lockSeed.getValue()).isFalse();
        assertThat(Long.parseLong(view.editor().seedField.getValue())).isBetween(0L, (1L << 48) - 1).isNotEqualTo(1L);
        view.editor().lockSeed.setValue(true);
        view.editor().seedField.setValue("1");

        view.editor().promptField.setValue("lantern festival at night take");
        assertThat(view.editor().diff.getChildren().map(c -> c.getElement().getAttribute("class") + ":" + c.getElement().getText()))
                .contains("diff-added:at", "diff-added:night", "diff-kept:festival");
        test(view.editor().submit).click();

        assertThat(jdbc.queryForObject("select parent_variant_id from generation_jobs where shot_id = ?", Long.class, shotId))
                .isEqualTo(card.variantId());
        assertThat(jdbc.queryForObject("select seed from generation_jobs where shot_id = ?", Long.class, shotId))
                .isEqualTo(1L);
    }

    @Test
    @WithUserDetails("director")
    void theLineageShowsEachChildUnderItsParentWithTheWordsItChanged() {
        long shotId = inReviewWithTakes("EP01_SH040", 1);
        long parent = jdbc.queryForObject("select id from variants where shot_id = ?", Long.class, shotId);
        long child = TestVariants.insert(jdbc, shotId, "lantern festival at night take", 7, parent);
        var view = navigate(ShotReviewView.class, shotId);
        assertThat(view.lineage).as("built when first opened").isNull();
        view.lineagePanel.setOpened(true);

        var tree = view.lineage().getTreeData();
        assertThat(tree.getRootItems()).extracting(v -> v.id()).containsExactly(parent);
        assertThat(tree.getChildren(tree.getRootItems().getFirst())).extracting(v -> v.id()).containsExactly(child);
        assertThat(LineageTree.change(view.currentReview().find(child), view.currentReview().byId()))
                .isEqualTo("+at +night");
    }

    @Test
    @WithUserDetails("director")
    void varyIsOneClickForFourNewSeedsOfTheSamePrompt() {
        long shotId = inReviewWithTakes("EP01_SH040", 1);
        var view = navigate(ShotReviewView.class, shotId);
        var card = view.compare.cards.values().iterator().next();
        test(card.vary).click();
        var job = jdbc.queryForMap("select prompt, variant_count, parent_variant_id from generation_jobs where shot_id = ?", shotId);
        assertThat(job).containsEntry("PROMPT", "lantern festival take").containsEntry("VARIANT_COUNT", 4)
                .containsEntry("PARENT_VARIANT_ID", card.variantId());
    }

    @Test
    @WithUserDetails("director")
    void sixTakesArePagedAndAnyTakeCanBeBroughtIntoView() {
        long shotId = inReviewWithTakes("EP01_SH040", 6);
        var view = navigate(ShotReviewView.class, shotId);
        var all = jdbc.queryForList("select id from variants where shot_id = ? order by created_at", Long.class, shotId);
        assertThat(view.compare.cards.keySet()).containsExactlyElementsOf(all.subList(2, 6));   // the newest first come into view
        assertThat(view.compare.pageLabel.getText()).isEqualTo("Takes 3–6 of 6");
        assertThat(view.compare.sync.fps()).isEqualTo(24);   // the shot's rate drives the shared clock
        assertThat(view.compare.sync.frameCount()).isEqualTo(36);
        assertThat($(FramePlayer.class, view.compare.sync).all()).hasSize(4);

        test(view.compare.previous).click();
        assertThat(view.compare.cards.keySet()).containsExactlyElementsOf(all.subList(0, 4));
        view.compare.pageSize.setValue(2);
        assertThat(view.compare.cards).hasSize(2);
        view.showInCompare(all.get(5));
        assertThat(view.compare.cards).containsKey(all.get(5));
    }

    @Test
    @WithUserDetails("director")
    void theWipeComparesTwoChosenTakesInOnePlayer() {
        long shotId = inReviewWithTakes("EP01_SH040", 3);
        var view = navigate(ShotReviewView.class, shotId);
        var all = jdbc.queryForList("select id from variants where shot_id = ? order by created_at", Long.class, shotId);
        assertThat(view.compare.wipeA.getListDataView().getItems()).containsExactlyElementsOf(all);
        view.compare.wipeA.setValue(all.get(0));
        view.compare.wipeB.setValue(all.get(2));
        test(view.compare.wipe).click();

        var player = $(FramePlayer.class, view.compare.players).single();
        assertThat(player.base()).endsWith("0123456789abcdef0123456789abcdef");
        assertThat(player.wipeBase()).isNotNull();
        assertThat(view.compare.pageLabel.getText()).isEqualTo("Wipe #" + all.get(0) + " | #" + all.get(2));
    }

    @Test
    @WithUserDetails("director")
    void takesThatArriveByPushAreAnnouncedAndThePlayersBeingWatchedStayUntilTheClick() {
        long shotId = inReviewWithTakes("EP01_SH040", 6);
        var view = navigate(ShotReviewView.class, shotId);
        var watched = new LinkedHashMap<>(view.compare.cards);
        assertThat(view.compare.newTakes.isVisible()).isFalse();

        var arrived = new ArrayList<Long>();
        for (int seed = 7; seed <= 10; seed++) {
            arrived.add(TestVariants.insert(jdbc, shotId, "lantern festival take", seed, null));
        }
        live.publish(new ShotChange(shotId, ShotChange.Kind.VARIANTS));
        pushArrives();

        assertThat(view.compare.newTakes.isVisible()).isTrue();
        assertThat(view.compare.newTakes.getText()).isEqualTo("4 new takes — show them");
        assertThat(view.compare.cards).as("the same players, not rebuilt").containsExactlyEntriesOf(watched);
        assertThat(view.compare.pageLabel.getText()).isEqualTo("Takes 3–6 of 10");
        assertThat(view.cells.getElement().getTextRecursively()).contains("#" + arrived.getLast());

        test(view.compare.newTakes).click();

        assertThat(view.compare.cards.keySet()).as("the newest first").containsExactlyElementsOf(arrived);
        assertThat(view.compare.pageLabel.getText()).isEqualTo("Takes 7–10 of 10");
        assertThat(view.compare.newTakes.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("director")
    void oneNewTakeOnAPageWithRoomIsAnnouncedTooAndPagingToItEndsTheAnnouncement() {
        long shotId = inReviewWithTakes("EP01_SH040", 2);
        var view = navigate(ShotReviewView.class, shotId);
        var watched = new LinkedHashMap<>(view.compare.cards);

        long arrived = TestVariants.insert(jdbc, shotId, "lantern festival take", 3, null);
        live.publish(new ShotChange(shotId, ShotChange.Kind.VARIANTS));
        pushArrives();

        assertThat(view.compare.newTakes.getText()).isEqualTo("1 new take — show it");
        assertThat(view.compare.cards).containsExactlyEntriesOf(watched);
        assertThat(view.compare.next.isEnabled()).isTrue();

        test(view.compare.next).click();
        assertThat(view.compare.cards).containsKey(arrived);
        assertThat(view.compare.newTakes.isVisible()).as("the take is on screen now").isFalse();
    }

    @Test
    @WithUserDetails("director")
    void theFirstTakesOfAnEmptyStageAreShownAtOnce() {
        long shotId = shotId("EP01_SH040");
        var view = navigate(ShotReviewView.class, shotId);
        assertThat(view.compare.cards).isEmpty();

        long first = TestVariants.insert(jdbc, shotId, "lantern festival take", 1, null);
        live.publish(new ShotChange(shotId, ShotChange.Kind.VARIANTS));
        pushArrives();

        assertThat(view.compare.cards.keySet()).containsExactly(first);
        assertThat(view.compare.newTakes.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("director")
    void takesThatArriveDuringAWipeLeaveTheWipeOnScreen() {
        long shotId = inReviewWithTakes("EP01_SH040", 2);
        var view = navigate(ShotReviewView.class, shotId);
        var all = jdbc.queryForList("select id from variants where shot_id = ? order by created_at", Long.class, shotId);
        view.compare.wipeA.setValue(all.get(0));
        view.compare.wipeB.setValue(all.get(1));
        test(view.compare.wipe).click();
        var player = $(FramePlayer.class, view.compare.players).single();

        long arrived = TestVariants.insert(jdbc, shotId, "lantern festival take", 3, null);
        live.publish(new ShotChange(shotId, ShotChange.Kind.VARIANTS));
        pushArrives();

        assertThat($(FramePlayer.class, view.compare.players).single()).isSameAs(player);
        assertThat(view.compare.wipeA.getValue()).isEqualTo(all.get(0));
        assertThat(view.compare.wipeB.getValue()).isEqualTo(all.get(1));
        assertThat(view.compare.wipeB.getListDataView().getItems()).contains(arrived);
        assertThat(view.compare.newTakes.getText()).isEqualTo("1 new take — show it");

        test(view.compare.newTakes).click();
        assertThat(view.compare.cards.keySet()).containsExactly(all.get(0), all.get(1), arrived);
    }

    @Test
    @WithUserDetails("director")
    void anOpenViewCountsAsPresentUntilItCloses() {
        long shotId = shotId("EP01_SH040");
        navigate(ShotReviewView.class, shotId);
        assertThat(presence.viewersOf(shotId)).extracting(Presence.Viewer::name).contains("Mira Okafor");
    }

    @Test
    @WithUserDetails("director")
    void aBadSeedAndTooManyVariantsAreMarkedAndNothingIsQueued() {
        long shotId = shotId("EP01_SH020");
        var view = navigate(ShotReviewView.class, shotId);
        view.editor().seedField.setValue("not a number");
        test(view.editor().submit).click();
        assertThat(view.editor().seedField.isInvalid()).isTrue();

        view.editor().seedField.setValue("");
        view.editor().countField.setValue(12);
        test(view.editor().submit).click();
        assertThat(view.editor().countField.isInvalid()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from generation_jobs where shot_id = ?", Long.class, shotId))
                .isZero();
    }

    @Test
    @WithUserDetails("director")
    void aNoteUsedInRegenerateOffersItsWordsAsAPromptEditAndTheJobRecordsIt() {
        long shotId = inReviewWithTakes("EP01_SH040", 1);
        long take = jdbc.queryForObject("select id from variants where shot_id = ?", Long.class, shotId);
        long note = noteAs("artist", take, "@director more rain on the left");
        var view = navigate(ShotReviewView.class, shotId);

        view.notes.useInRegenerate(noteReads.note(note));

        assertThat(view.editorPanel.isOpened()).isTrue();
        assertThat(view.editor().promptField.getValue()).isEqualTo("lantern festival take, more rain on the left");
        assertThat(view.editor().fromNote.getText()).startsWith("Answers note #" + note + " by Theo Lindqvist");
        assertThat(view.editor().diff.getChildren().map(c -> c.getElement().getAttribute("class") + ":" + c.getElement().getText()))
                .contains("diff-added:rain", "diff-added:left");
        view.editor().countField.setValue(1);
        test(view.editor().submit).click();
        assertThat(jdbc.queryForMap("select parent_variant_id, note_id from generation_jobs where shot_id = ?", shotId))
                .containsEntry("PARENT_VARIANT_ID", take).containsEntry("NOTE_ID", note);
    }

    @Test
    @WithUserDetails("director")
    void aRegenerationCannotClaimANoteOfAnotherShot() {
        long shotId = inReviewWithTakes("EP01_SH040", 1);
        long take = jdbc.queryForObject("select id from variants where shot_id = ?", Long.class, shotId);
        long otherShot = inReviewWithTakes("EP01_SH050", 1);
        long elsewhere = noteAs("artist", jdbc.queryForObject("select id from variants where shot_id = ?", Long.class, otherShot),
                "not this shot");
        assertThatThrownBy(() -> review.regenerate(take, new GenerationRequest("p", "", null, 1, 10, take, elsewhere)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("noteId"));
    }

    @Test
    @WithUserDetails("director")
    void theLineageShowsTheNoteOnTheEdgeFromParentToChild() {
        long shotId = inReviewWithTakes("EP01_SH040", 1);
        long parent = jdbc.queryForObject("select id from variants where shot_id = ?", Long.class, shotId);
        long note = noteAs("artist", parent, "warmer light please");
        long child = TestVariants.insert(jdbc, shotId, "lantern festival take, warmer light please", 7, parent);
        jdbc.update("update variants set note_id = ? where id = ?", note, child);
        var view = navigate(ShotReviewView.class, shotId);
        view.lineagePanel.setOpened(true);
        assertThat(view.lineage().getColumnByKey("note")).isNotNull();
        var byId = view.currentReview().byId();
        assertThat(LineageTree.noteOf(byId.get(child), java.util.Map.of(note, noteReads.note(note))))
                .isEqualTo("note #" + note + " by Theo Lindqvist: “warmer light please”");
        assertThat(LineageTree.noteOf(byId.get(parent), java.util.Map.of())).isEmpty();
    }

    @Test
    @WithUserDetails("producer")
    void anAddressNamingATakeAndANoteOpensTheTakeOnTheStageWithTheNoteInFront() {
        long shotId = inReviewWithTakes("EP01_SH040", 6);
        long oldest = jdbc.queryForObject("select min(id) from variants where shot_id = ?", Long.class, shotId);
        long note = noteAs("artist", oldest, "the first take had it right");
        UI.getCurrent().navigate("shots/" + shotId,
                com.vaadin.flow.router.QueryParameters.fromString("take=" + oldest + "&frame=3&note=" + note));
        var view = $(ShotReviewView.class).single();
        assertThat(view.compare.cards).containsKey(oldest);
        assertThat(view.notes.focusedNote()).isEqualTo(note);
        assertThat(view.notes.getElement().getTextRecursively()).contains("the first take had it right");
        assertThat(view.compare.cards.get(oldest).player.markers()).contains("\"note\":" + note);
    }

    private long noteAs(String username, long take, String text) {
        var me = SecurityContextHolder.getContext().getAuthentication();
        logins.as(username);
        try {
            return noteService.add(new NoteDraft(take, 1, 1, text, null));
        } finally {
            SecurityContextHolder.getContext().setAuthentication(me);
        }
    }

    /** Runs what other threads handed to this UI with UI.access, as a push round trip would. */
    private static void pushArrives() {
        MockVaadin.runUIQueue();
    }

    private static String standingOf(VariantCard card) {
        return card.standing.getElement().getTextRecursively();
    }

    private long inReviewWithTakes(String code, int takes) {
        long shotId = shotId(code);
        for (int seed = 1; seed <= takes; seed++) {
            TestVariants.insert(jdbc, shotId, "lantern festival take", seed, null);
        }
        jdbc.update("update shots set status = 'IN_REVIEW' where id = ?", shotId);
        return shotId;
    }

    private long shotId(String code) {
        return jdbc.queryForObject("select id from shots where code = ?", Long.class, code);
    }
}
