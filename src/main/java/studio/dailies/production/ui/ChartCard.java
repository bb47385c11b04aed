package studio.dailies.production.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.jspecify.annotations.Nullable;
import studio.dailies.production.ChartData;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** One chart of the dashboard with its data as a table beside it, and that table as a CSV download. */
class ChartCard extends Div {

    final H3 title = new H3();
    final Chart chart = new Chart();
    final Grid<List<String>> table = new Grid<>();
    final Anchor csv = new Anchor();
    private volatile @Nullable ChartData data;
    private List<String> columns = List.of();

    ChartCard() {
        addClassName("chart-card");
        csv.setHref(DownloadHandler.fromInputStream(event -> {
            var shown = Objects.requireNonNull(data);
            var bytes = shown.toCsv().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), shown.id() + ".csv", "text/csv", bytes.length);
        }));
        csv.add(VaadinIcon.DOWNLOAD.create(), new Span("CSV"));
        csv.getElement().setAttribute("aria-label", "Download the chart's data as CSV");
        var header = new Div(title, csv);
        header.addClassName("chart-card-header");
        chart.addClassName("chart-card-chart");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.addClassName("chart-card-table");
        table.setEmptyStateText("No data yet.");
        var body = new Div(chart, table);
        body.addClassName("chart-card-body");
        add(header, body);
    }

    void show(ChartData next) {
        if (next.equals(data)) {
            return;
        }
        data = next;
        title.setText(next.title());
        chart.show(next);
        var names = new java.util.ArrayList<String>();
        names.add(next.xTitle());
        next.series().forEach(s -> names.add(s.name()));
        if (!names.equals(columns)) {
            columns = List.copyOf(names);
            table.removeAllColumns();
            for (int i = 0; i < columns.size(); i++) {
                int index = i;
                table.addColumn(row -> row.get(index)).setHeader(columns.get(i)).setAutoWidth(true)
                        .setFlexGrow(i == 0 ? 1 : 0);
            }
        }
        table.setItems(next.rows());
        table.getElement().setAttribute("aria-label", next.title() + " as a table");
    }

    @Nullable ChartData data() {
        return data;
    }
}
