package studio.dailies.notes.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.NotFoundException;
import studio.dailies.notes.NoteExports;
import studio.dailies.notes.NoteReads;
import studio.dailies.notes.ShotThreads;
import studio.dailies.production.EpisodeService;
import studio.dailies.production.EpisodeSummary;

/**
 * An episode's frame notes for a review meeting: which shots have open and resolved threads, and the whole
 * episode's notes as CSV or as a PDF with each noted frame, its drawing, the take's recipe and the thread.
 */
@Route("episodes/:episodeId(\\d+)/notes")
@PermitAll
class EpisodeNotesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 title = new H2();
    final Anchor csv = new Anchor();
    final Anchor pdf = new Anchor();
    final Grid<ShotThreads> shots = new Grid<>();
    private final NoteReads reads;
    private final NoteExports exports;
    private final EpisodeService episodes;
    private @Nullable EpisodeSummary episode;

    EpisodeNotesView(NoteReads reads, NoteExports exports, EpisodeService episodes) {
        this.reads = reads;
        this.exports = exports;
        this.episodes = episodes;
        setSizeFull();
        csv.setText("Download CSV");
        pdf.setText("Download PDF");
        csv.getElement().setAttribute("download", true);
        pdf.getElement().setAttribute("download", true);
        var downloads = new Div(csv, pdf);
        downloads.addClassName("episode-note-exports");
        shots.addComponentColumn(row -> {
            var link = new Anchor("shots/" + row.shot().id(), row.shot().code());
            link.getElement().setAttribute("router-link", true);
            return link;
        }).setHeader("Shot").setAutoWidth(true);
        shots.addColumn(ShotThreads::open).setHeader("Open threads").setAutoWidth(true);
        shots.addColumn(ShotThreads::resolved).setHeader("Resolved").setAutoWidth(true);
        shots.addColumn(row -> row.shot().description()).setHeader("Description").setFlexGrow(1);
        shots.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        shots.setEmptyStateText("No notes on this episode's shots yet. Notes are written on a shot's page, beside its players.");
        add(title, new Paragraph("The episode's notes, shot by shot, for the review meeting or for editorial."), downloads,
                shots);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long episodeId = event.getRouteParameters().getLong("episodeId")
                .orElseThrow(() -> new NotFoundException("No such episode"));
        episode = episodes.get(episodeId);
        var label = episode.label();
        title.setText(label + " · Notes");
        csv.setHref((DownloadHandler) download -> download(download, episodeId, label, NoteExports.Format.CSV));
        pdf.setHref((DownloadHandler) download -> download(download, episodeId, label, NoteExports.Format.PDF));
        // An episode has tens of shots, and only those with notes are listed: one grouped count, no paging needed.
        shots.setItems(reads.threadsOfEpisode(episodeId));
    }

    private void download(DownloadEvent download, long episodeId, String label, NoteExports.Format format) {
        download.setFileName(exports.fileName(label, format));
        download.setContentType(format == NoteExports.Format.CSV ? "text/csv; charset=UTF-8" : "application/pdf");
        exports.episode(episodeId, format, download.getOutputStream());
    }

    @Override
    public String getPageTitle() {
        return (episode == null ? "Notes" : episode.label() + " · Notes") + " · Dailies";
    }
}
