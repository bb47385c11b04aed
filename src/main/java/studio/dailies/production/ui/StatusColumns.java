package studio.dailies.production.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import studio.dailies.production.BoardService;
import studio.dailies.production.BoardShot;
import studio.dailies.production.ShotFilter;
import studio.dailies.production.ShotStatus;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

/**
 * The board as one column per status, each a lazy list of cards that pages in as it scrolls. The counts in the
 * headers come from one grouped query; a column's cards from the same pages the grid reads.
 */
class StatusColumns extends Div {

    private final BoardService board;
    final Map<ShotStatus, VirtualList<BoardShot>> lists = new EnumMap<>(ShotStatus.class);
    private final Map<ShotStatus, Span> counts = new EnumMap<>(ShotStatus.class);
    private final Map<ShotStatus, Div> columns = new EnumMap<>(ShotStatus.class);

    StatusColumns(BoardService board) {
        this.board = board;
        addClassName("status-columns");
        for (var status : ShotStatus.values()) {
            var count = new Span();
            count.addClassName("status-column-count");
            var header = new Div(BoardCells.status(status), count);
            header.addClassName("status-column-header");
            var list = new VirtualList<BoardShot>();
            list.setRenderer(new ComponentRenderer<>(StatusColumns::card));
            list.addClassName("status-column-list");
            list.getElement().setAttribute("aria-label", status.label() + " shots");
            var column = new Div(header, list);
            column.addClassName("status-column");
            lists.put(status, list);
            counts.put(status, count);
            columns.put(status, column);
            add(column);
        }
    }

    /** Shows the episode's shots matching the filter; a column the status filter leaves out is hidden. */
    void show(long episodeId, ShotFilter filter) {
        var perStatus = board.countsByStatus(episodeId, filter);
        for (var status : ShotStatus.values()) {
            boolean shown = filter.statuses().isEmpty() || filter.statuses().contains(status);
            columns.get(status).setVisible(shown);
            if (!shown) {
                continue;
            }
            int total = Math.toIntExact(perStatus.getOrDefault(status, 0L));
            counts.get(status).setText(String.valueOf(total));
            var only = filter.withStatuses(Set.of(status));
            lists.get(status).setDataProvider(DataProvider.<BoardShot>fromCallbacks(
                    query -> board.page(episodeId, only, toSpringPageRequest(query)).stream(), query -> total));
        }
    }

    private static Component card(BoardShot shot) {
        var top = new Div(BoardCells.shotLink(shot), BoardCells.due(shot));
        top.addClassName("board-card-top");
        var who = new Span(shot.shot().assigneeName() == null ? "Unassigned" : shot.shot().assigneeName());
        who.addClassName("board-card-who");
        var takes = new Span(shot.shot().variantCount() + (shot.shot().variantCount() == 1 ? " take" : " takes"));
        var facts = new Div(who, takes);
        facts.addClassName("board-card-facts");
        if (shot.openNotes() != null && shot.openNotes() > 0) {
            facts.add(new Span(shot.openNotes() + " open notes"));
        }
        var card = new Div(BoardCells.thumbnail(shot), new Div(top, facts));
        card.addClassName("board-card");
        return card;
    }
}
