package studio.dailies.production.ui;

import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import studio.dailies.production.ShotStatus;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class BoardStateTest {

    @Test
    void aBoardStateSurvivesTheRoundTripThroughTheAddress() {
        var state = new BoardState(BoardState.Layout.COLUMNS, "rain on", Set.of(ShotStatus.ON_HOLD, ShotStatus.IN_REVIEW),
                12L, true, true, List.of(Sort.Order.asc("dueDate"), Sort.Order.desc("gpuMillis")));
        var query = state.toQuery();
        assertThat(query.getParameters()).containsOnly(entry("view", List.of("columns")), entry("q", List.of("rain on")),
                entry("status", List.of("IN_REVIEW,ON_HOLD")), entry("assignee", List.of("12")),
                entry("overdue", List.of("true")), entry("decision", List.of("true")),
                entry("sort", List.of("dueDate,-gpuMillis")));
        assertThat(BoardState.from(query)).isEqualTo(state);
    }

    @Test
    void theDefaultBoardHasAnEmptyAddress() {
        assertThat(BoardState.DEFAULT.toQuery().getQueryString()).isEmpty();
        assertThat(BoardState.from(QueryParameters.empty())).isEqualTo(BoardState.DEFAULT);
    }

    @Test
    void whatTheBoardCannotReadIsIgnoredNotAnError() {
        var junk = QueryParameters.simple(Map.of("view", "kanban", "status", "DONE,in_review,", "assignee", "me",
                "overdue", "maybe", "sort", "password,-code,code,position"));
        var state = BoardState.from(junk);
        assertThat(state.layout()).isEqualTo(BoardState.Layout.GRID);
        assertThat(state.statuses()).containsExactly(ShotStatus.IN_REVIEW);
        assertThat(state.assigneeId()).isNull();
        assertThat(state.overdue()).isFalse();
        assertThat(state.sort()).containsExactly(Sort.Order.desc("code"), Sort.Order.asc("position"));
    }
}
