package studio.dailies.production.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import studio.dailies.DailiesTest;
import studio.dailies.generation.QueueControl;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The generation queue page per role: producers and admins steer it; directors and artists have no such page. */
@DailiesTest
@Transactional
class QueueViewTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired QueueControl control;
    @Autowired PlatformTransactionManager transactions;

    @Test
    @WithUserDetails("producer")
    void aProducerSeesTheQueueInOrderRaisesAJobCancelsOneAndPausesTheQueue() {
        long first = insertJob("EP01_SH010", 60);
        long second = insertJob("EP01_SH020", 30);
        long third = insertJob("EP01_SH030", 10);
        var view = navigate(QueueView.class);
        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(3);
        assertThat(grid.getCellText(0, grid.getColumnPosition("shot"))).isEqualTo("EP01_SH010");
        assertThat(grid.getCellText(2, grid.getColumnPosition("position"))).isEqualTo("3");
        assertThat(view.summary.getText()).isEqualTo("0 running · 3 waiting");

        assertThat(grid.getLitRendererPropertyValue(2, "actions", "raiseLabel", String.class))
                .isEqualTo("Raise the priority of EP01_SH030's job");
        assertThat(grid.getLitRendererPropertyValue(2, "actions", "steer", Boolean.class)).isTrue();
        grid.invokeLitRendererFunction(2, "actions", "raise");
        assertThat(grid.getCellText(0, grid.getColumnPosition("shot"))).isEqualTo("EP01_SH030");
        assertThat(grid.getCellText(0, grid.getColumnPosition("priority"))).isEqualTo("1");
        assertThat(jdbc.queryForObject("select priority from generation_jobs where id = ?", Integer.class, third))
                .isEqualTo(1);

        grid.invokeLitRendererFunction(2, "actions", "cancel");
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(jdbc.queryForObject("select state from generation_jobs where id = ?", String.class, second))
                .isEqualTo("CANCELLED");
        assertThat(grid.size()).isEqualTo(2);

        test(view.pause).click();
        assertThat(view.summary.getText()).isEqualTo("0 running · 2 waiting · paused");
        assertThat(view.pause.getText()).isEqualTo("Resume the queue");
        assertThat(grid.getCellText(1, grid.getColumnPosition("starts"))).isEqualTo("when resumed");
        assertThat(jdbc.queryForObject("select count(*) from activity_events where action in"
                + " ('job.priority-changed', 'job.cancelled', 'queue.paused')", Long.class)).isEqualTo(3);
        assertThat(first).isPositive();
        assertThat(navigationLabels()).contains("Queue");
    }

    @Test
    @WithUserDetails("producer")
    void anOpenQueuePageFollowsWhatAnotherProducerChangesWithoutAReload() {
        insertJob("EP01_SH010", 60);
        insertJob("EP01_SH020", 30);
        var view = navigate(QueueView.class);
        var grid = test(view.grid);
        assertThat(view.summary.getText()).isEqualTo("0 running · 2 waiting");

        // Another page pauses the queue, committed: the event after commit becomes a QUEUE change pushed here.
        var elsewhere = new TransactionTemplate(transactions);
        elsewhere.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        try {
            elsewhere.executeWithoutResult(status -> control.pause());
            MockVaadin.runUIQueue();
            assertThat(view.summary.getText()).isEqualTo("0 running · 2 waiting · paused");
            assertThat(view.pause.getText()).isEqualTo("Resume the queue");
            assertThat(grid.getCellText(1, grid.getColumnPosition("starts"))).isEqualTo("when resumed");
        } finally {
            // The shared database's queue runs again, and its audit keeps no trace of this test.
            elsewhere.executeWithoutResult(status -> {
                control.resume();
                jdbc.update("delete from activity_events where target_type = 'queue'");
            });
        }
        MockVaadin.runUIQueue();
        assertThat(view.pause.getText()).isEqualTo("Pause the queue");
    }

    @Test
    @WithUserDetails("admin")
    void anAdminSteersTheQueueToo() {
        insertJob("EP01_SH010", 0);
        var view = navigate(QueueView.class);
        assertThat(test(view.grid).size()).isEqualTo(1);
        test(view.grid).invokeLitRendererFunction(0, "actions", "front");
        assertThat(test(view.grid).getLitRendererPropertyValue(0, "state", "text", String.class))
                .isEqualTo("Waiting (moved to front)");
    }

    @Test
    @WithUserDetails("director")
    void aDirectorHasNoQueuePage() throws ClassNotFoundException {
        assertNoQueuePage();
    }

    @Test
    @WithUserDetails("artist")
    void anArtistHasNoQueuePage() throws ClassNotFoundException {
        assertNoQueuePage();
    }

    @SuppressWarnings("unchecked")
    private void assertNoQueuePage() throws ClassNotFoundException {
        var notFound = (Class<? extends Component>) Class.forName("studio.dailies.base.ui.RouteNotFoundView");
        navigate("queue", notFound);
        assertThat(getCurrentView()).isNotInstanceOf(QueueView.class);
        assertThat(navigationLabels()).doesNotContain("Queue");
    }

    private List<String> navigationLabels() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    private long shotId(String code) {
        return jdbc.queryForObject("select id from shots where code = ?", Long.class, code);
    }

    /** A job queued {@code minutesAgo} by the demo artist. */
    private long insertJob(String shotCode, int minutesAgo) {
        jdbc.update("""
                insert into generation_jobs (show_id, shot_id, prompt, negative_prompt, seed, width, height, frame_count,
                                             fps, steps, guidance, model_id, variant_count, state, queued_at, requested_by)
                select e.show_id, s.id, 'p', '', 1, 64, 64, 4, 24, 1, 1.0, 'procedural', 1, 'QUEUED', ?,
                       (select id from app_users where username = 'artist')
                from shots s join episodes e on e.id = s.episode_id where s.code = ?
                """, Timestamp.from(Instant.now().minusSeconds(60L * minutesAgo)), shotCode);
        return jdbc.queryForObject("select max(id) from generation_jobs", Long.class);
    }
}
