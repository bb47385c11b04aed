package studio.dailies.production.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;
import studio.dailies.production.EpisodeDelivery;
import studio.dailies.production.EpisodeDelivery.PackageStatus;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The episode's package for editorial on the board (producers and admins): a button that starts the build in the
 * background, its progress while it runs (the page polls the service's status once a second, only then), the
 * download once built, and the reason when the last build failed.
 */
class EpisodePackagePanel extends HorizontalLayout {

    static final int POLL_MILLIS = 1000;

    final Button build = new Button("Build package for editorial", VaadinIcon.PACKAGE.create());
    final ProgressBar progress = new ProgressBar();
    final Span state = new Span();
    final Anchor download = new Anchor();
    private final EpisodeDelivery delivery;
    private final DateTimeFormatter time;
    private @Nullable Long episodeId;
    private @Nullable Registration polling;

    EpisodePackagePanel(EpisodeDelivery delivery, Clock clock) {
        this.delivery = delivery;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(clock.getZone());
        build.setTooltipText("Every approved take in shot order: PNG frames, MP4, manifest and contact sheet");
        build.addClickListener(e -> {
            if (episodeId != null) {
                render(delivery.start(episodeId));
            }
        });
        progress.setWidth("10em");
        progress.getElement().setAttribute("aria-label", "Package progress");
        state.addClassName("package-state");
        download.setHref((DownloadHandler) event -> {
            if (episodeId != null) {
                event.setFileName(delivery.fileName(episodeId));
                event.setContentType("application/zip");
                delivery.writeTo(episodeId, event.getOutputStream());
            }
        });
        download.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span("Download package"));
        download.addClassName("package-download");
        add(build, progress, state, download);
        setAlignItems(Alignment.BASELINE);
        addClassName("episode-package");
        render(new PackageStatus(EpisodeDelivery.State.NONE, 0, 0, null, null, 0));
    }

    void show(long episodeId) {
        this.episodeId = episodeId;
        if (isAttached()) {   // else attaching reads it, once
            refresh();
        }
    }

    void refresh() {
        if (episodeId != null) {
            render(delivery.status(episodeId));
        }
    }

    void render(PackageStatus status) {
        boolean running = status.state() == EpisodeDelivery.State.BUILDING;
        build.setEnabled(!running);
        build.setText(switch (status.state()) {
            case NONE, BUILDING -> "Build package for editorial";
            case READY -> "Rebuild package";
            case FAILED -> "Try the package again";
        });
        progress.setVisible(running);
        progress.setIndeterminate(running && status.total() == 0);
        progress.setValue(status.fraction());
        download.setVisible(status.state() == EpisodeDelivery.State.READY);
        state.getElement().getClassList().set("package-failed", status.state() == EpisodeDelivery.State.FAILED);
        state.setText(switch (status.state()) {
            case NONE -> "";
            case BUILDING -> status.total() == 0 ? "Reading the approved takes…"
                    : "Building: " + status.done() + " of " + status.total() + " frames";
            case READY -> "Built " + time.format(status.builtAt()) + " (" + size(status.bytes()) + ")";
            case FAILED -> "The last build failed: " + status.detail();
        });
        keepPolling(running);
    }

    private void keepPolling(boolean on) {
        var ui = getUI().orElse(UI.getCurrent());
        if (ui == null) {
            return;
        }
        if (on && polling == null) {
            polling = ui.addPollListener(e -> refresh());
            ui.setPollInterval(POLL_MILLIS);
        } else if (!on && polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
            event.getUI().setPollInterval(-1);
        }
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return "%d KB".formatted(Math.max(1, (bytes + 1023) / 1024));
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
