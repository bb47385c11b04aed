package studio.dailies.production.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;
import studio.dailies.production.ChartData;
import studio.dailies.production.Dashboard;
import studio.dailies.production.DashboardService;
import studio.dailies.production.EpisodeService;
import studio.dailies.production.EpisodeChoice;
import studio.dailies.production.ShowService;
import studio.dailies.production.ShowSummary;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A show's dashboard, or one episode's ({@code dashboard?show=1&episode=4}): headline figures and charts, each with
 * its table beside it and a CSV download. Directors and artists read it as producers do. It follows decisions, jobs
 * and planning live: the figures are read again and only the charts that changed are sent.
 */
@Route("dashboard")
@PageTitle("Dashboard · Dailies")
@Menu(order = 2, icon = "vaadin:chart", title = "Dashboard")
@PermitAll
class DashboardView extends VerticalLayout implements BeforeEnterObserver {

    /** What changes the dashboard's figures; presence and progress ticks do not. */
    private static final Set<ShotChange.Kind> REFRESH_ON = EnumSet.of(ShotChange.Kind.DECISION,
            ShotChange.Kind.JOB_FINISHED, ShotChange.Kind.VARIANTS, ShotChange.Kind.STATUS, ShotChange.Kind.PLANNING);

    private final DashboardService dashboards;
    private final ShowService shows;
    private final EpisodeService episodes;

    final Select<ShowSummary> show = new Select<>();
    final Select<Optional<EpisodeChoice>> episode = new Select<>();
    final Div figures = new Div();
    final Div charts = new Div();
    final Map<String, ChartCard> cards = new LinkedHashMap<>();
    private final Paragraph noShows = new Paragraph("You are not a member of any show yet.");
    private @Nullable Dashboard shown;
    private boolean restoring;

    DashboardView(DashboardService dashboards, ShowService shows, EpisodeService episodes, LiveUpdates live) {
        this.dashboards = dashboards;
        this.shows = shows;
        this.episodes = episodes;
        LiveRefresh.whileAttached(this, live, REFRESH_ON, this::refresh);
        setSizeFull();
        show.setLabel("Show");
        show.setItemLabelGenerator(ShowSummary::name);
        episode.setLabel("Episode");
        episode.setItemLabelGenerator(e -> e.map(EpisodeChoice::label).orElse("Whole show"));
        show.addValueChangeListener(e -> {
            if (!restoring && e.getValue() != null) {
                episodesOf(e.getValue());
                episode.setValue(Optional.empty());
            }
        });
        episode.addValueChangeListener(e -> {
            if (!restoring && e.getValue() != null) {
                refresh();
            }
        });
        var toolbar = new HorizontalLayout(new H2("Dashboard"), show, episode);
        toolbar.setAlignItems(Alignment.BASELINE);
        toolbar.setWrap(true);
        figures.addClassName("dashboard-figures");
        charts.addClassName("dashboard-charts");
        add(toolbar, noShows, figures, charts);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var visible = shows.visibleShows();
        noShows.setVisible(visible.isEmpty());
        show.setVisible(!visible.isEmpty());
        episode.setVisible(!visible.isEmpty());
        if (visible.isEmpty()) {
            return;
        }
        var query = event.getLocation().getQueryParameters();
        var askedShow = id(query, "show");
        var chosen = askedShow.flatMap(id -> visible.stream().filter(s -> s.id() == id).findFirst())
                .orElse(visible.getFirst());
        restoring = true;
        try {
            show.setItems(visible);
            show.setValue(chosen);
            var list = episodesOf(chosen);
            var askedEpisode = id(query, "episode");
            episode.setValue(askedEpisode.flatMap(id -> list.stream().filter(e -> e.id() == id).findFirst()));
        } finally {
            restoring = false;
        }
        refresh();
    }

    private List<EpisodeChoice> episodesOf(ShowSummary chosen) {
        var list = episodes.choices(chosen.id());
        var choices = new java.util.ArrayList<Optional<EpisodeChoice>>();
        choices.add(Optional.empty());
        list.forEach(e -> choices.add(Optional.of(e)));
        episode.setItems(choices);
        return list;
    }

    /** Reads the dashboard again; only charts whose data changed are sent to the browser. */
    void refresh() {
        var chosen = show.getValue();
        if (chosen == null) {
            return;
        }
        var episodeId = Optional.ofNullable(episode.getValue()).flatMap(e -> e).map(EpisodeChoice::id).orElse(null);
        var dashboard = dashboards.dashboard(chosen.id(), episodeId);
        shown = dashboard;
        writeAddress(chosen.id(), episodeId);
        showFigures(dashboard);
        var ids = dashboard.charts().stream().map(ChartData::id).toList();
        cards.keySet().removeIf(id -> {
            if (!ids.contains(id)) {
                charts.remove(cards.get(id));
                return true;
            }
            return false;
        });
        for (var data : dashboard.charts()) {
            var card = cards.computeIfAbsent(data.id(), id -> {
                var created = new ChartCard();
                charts.add(created);
                return created;
            });
            card.show(data);
        }
    }

    private void showFigures(Dashboard d) {
        figures.removeAll();
        figures.add(figure("Shots", String.valueOf(d.shots())),
                figure("Approved", d.approved() + (d.shots() == 0 ? "" : " (" + Math.round(100.0 * d.approved() / d.shots()) + "%)")),
                figure("On hold", String.valueOf(d.onHold())),
                figure("Omitted", String.valueOf(d.omitted())),
                figure("GPU minutes", String.format(Locale.ROOT, "%.1f", d.gpuMinutes())),
                figure("GPU min per approved shot", d.gpuMinutesPerApprovedShot() == null ? "–"
                        : String.format(Locale.ROOT, "%.1f", d.gpuMinutesPerApprovedShot())),
                figure("Queue", d.queueWaiting() + " waiting · " + d.queueRunning() + " running"));
    }

    private static Div figure(String label, String value) {
        var number = new Span(value);
        number.addClassName("figure-value");
        var name = new Span(label);
        name.addClassName("figure-label");
        var tile = new Div(number, name);
        tile.addClassName("figure");
        return tile;
    }

    private void writeAddress(long showId, @Nullable Long episodeId) {
        var params = new LinkedHashMap<String, String>();
        params.put("show", String.valueOf(showId));
        if (episodeId != null) {
            params.put("episode", String.valueOf(episodeId));
        }
        UI.getCurrent().getPage().getHistory().replaceState(null,
                new Location("dashboard", QueryParameters.simple(params)));
    }

    @Nullable Dashboard shown() {
        return shown;
    }


    private static Optional<Long> id(QueryParameters query, String name) {
        return query.getSingleParameter(name).flatMap(text -> {
            try {
                return Optional.of(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
