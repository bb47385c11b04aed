package studio.dailies.production;

import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One dashboard chart as the server prepares it: categories along the x axis and one or more series of values. The
 * browser only draws it (frontend/components/dailies-chart.ts); the same data is the chart's table and its CSV.
 *
 * @param marker a category to mark with a vertical line (a due date), or null
 */
public record ChartData(String id, String title, Kind kind, String xTitle, String yTitle, List<String> categories,
                        List<Series> series, @Nullable String marker, @Nullable String markerLabel) {

    public enum Kind {
        /** Bars stacked per category, one segment per series. */
        STACKED_BAR,
        /** Bars side by side per category. */
        BAR,
        /** Lines through the categories; a series styled {@code dashed} is a target. */
        LINE
    }

    /** Values in category order; null where there is no value (a day still to come). */
    public record Series(String name, List<@Nullable Double> values, @Nullable String style) {

        public Series {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }

        public Series(String name, List<@Nullable Double> values) {
            this(name, values, null);
        }
    }

    public ChartData {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (var s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("Series " + s.name() + " has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
    }

    public boolean isEmpty() {
        return categories.isEmpty() || series.stream().allMatch(s -> s.values().stream().allMatch(v -> v == null || v == 0));
    }

    /** The chart as rows: the category, then each series' value. */
    public List<List<String>> rows() {
        var rows = new ArrayList<List<String>>();
        for (int i = 0; i < categories.size(); i++) {
            var row = new ArrayList<String>();
            row.add(categories.get(i));
            for (var s : series) {
                row.add(format(s.values().get(i)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The table as CSV, with a header row; cells a spreadsheet would run are made inert ({@link ShotListCsv}). */
    public String toCsv() {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, ShotListCsv.FORMAT)) {
            var header = new ArrayList<String>();
            header.add(xTitle);
            series.forEach(s -> header.add(s.name()));
            printer.printRecord(header.stream().map(ShotListCsv::inert).toList());
            for (var row : rows()) {
                printer.printRecord(row.stream().map(ShotListCsv::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String format(@Nullable Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(Locale.ROOT, "%.1f", value);
    }
}
