package studio.dailies.production.ui;

import com.vaadin.flow.router.QueryParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import studio.dailies.production.BoardService;
import studio.dailies.production.ShotFilter;
import studio.dailies.production.ShotStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the board shows, as it is kept in the address so that a reload or a shared link shows the same:
 * {@code ?view=columns&q=rain&status=IN_REVIEW,ON_HOLD&assignee=12&overdue=true&decision=true&sort=dueDate,-gpuMillis}.
 * Anything it cannot read is ignored, never an error: an old bookmark still opens the board.
 */
record BoardState(Layout layout, String text, Set<ShotStatus> statuses, @Nullable Long assigneeId, boolean overdue,
                  boolean needsDecision, List<Sort.Order> sort) {

    enum Layout { GRID, COLUMNS }

    static final BoardState DEFAULT = new BoardState(Layout.GRID, "", Set.of(), null, false, false, List.of());

    BoardState {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        sort = List.copyOf(sort);
    }

    static BoardState from(QueryParameters query) {
        var layout = one(query, "view").filter("columns"::equals).map(v -> Layout.COLUMNS).orElse(Layout.GRID);
        var text = one(query, "q").orElse("");
        var statuses = EnumSet.noneOf(ShotStatus.class);
        one(query, "status").ifPresent(list -> Arrays.stream(list.split(",")).forEach(name -> {
            try {
                statuses.add(ShotStatus.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                // an old or mistyped status: leave it out
            }
        }));
        var assignee = one(query, "assignee").flatMap(BoardState::parseId).orElse(null);
        var orders = new ArrayList<Sort.Order>();
        one(query, "sort").ifPresent(list -> Arrays.stream(list.split(",")).map(String::strip).forEach(key -> {
            boolean descending = key.startsWith("-");
            var property = descending ? key.substring(1) : key;
            if (BoardService.SORTABLE.contains(property) && orders.stream().noneMatch(o -> o.getProperty().equals(property))) {
                orders.add(descending ? Sort.Order.desc(property) : Sort.Order.asc(property));
            }
        }));
        return new BoardState(layout, text, statuses, assignee, flag(query, "overdue"), flag(query, "decision"), orders);
    }

    QueryParameters toQuery() {
        var params = new LinkedHashMap<String, String>();
        if (layout == Layout.COLUMNS) {
            params.put("view", "columns");
        }
        if (!text.isBlank()) {
            params.put("q", text);
        }
        if (!statuses.isEmpty()) {
            params.put("status", EnumSet.copyOf(statuses).stream().map(Enum::name).collect(Collectors.joining(",")));
        }
        if (assigneeId != null) {
            params.put("assignee", String.valueOf(assigneeId));
        }
        if (overdue) {
            params.put("overdue", "true");
        }
        if (needsDecision) {
            params.put("decision", "true");
        }
        if (!sort.isEmpty()) {
            params.put("sort", sort.stream().map(o -> (o.isDescending() ? "-" : "") + o.getProperty())
                    .collect(Collectors.joining(",")));
        }
        return QueryParameters.simple(params);
    }

    ShotFilter filter() {
        return new ShotFilter(text, statuses, assigneeId, overdue, needsDecision);
    }

    Sort springSort() {
        return Sort.by(sort);
    }

    BoardState withLayout(Layout value) {
        return new BoardState(value, text, statuses, assigneeId, overdue, needsDecision, sort);
    }

    BoardState withFilter(String q, Set<ShotStatus> only, @Nullable Long assignee, boolean late, boolean decision) {
        return new BoardState(layout, q, only, assignee, late, decision, sort);
    }

    BoardState withSort(List<Sort.Order> orders) {
        return new BoardState(layout, text, statuses, assigneeId, overdue, needsDecision, orders);
    }

    private static Optional<String> one(QueryParameters query, String name) {
        return query.getSingleParameter(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static boolean flag(QueryParameters query, String name) {
        return one(query, name).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

}
