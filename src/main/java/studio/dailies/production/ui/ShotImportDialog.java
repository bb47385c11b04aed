package studio.dailies.production.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import org.jspecify.annotations.Nullable;
import studio.dailies.base.ui.FormErrors;
import studio.dailies.production.ImportPreview;
import studio.dailies.production.ImportRow;
import studio.dailies.production.ShotImport;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Imports a shot list from a CSV file: the file is checked as a whole and every row shown with its problems by line and
 * column; "Import" stays off until there is none, and then saves every shot or none.
 */
class ShotImportDialog extends Dialog {

    private static final String TEMPLATE = """
            code,description,prompt,frames,fps,assignee,due
            EP01_SH110,The lantern drifts over the bay,"night over the bay, a single lantern drifting, slow pan",36,24,artist,
            """;

    private final ShotImport shotImport;
    private final long episodeId;
    private final Runnable onImported;
    final Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> received(metadata.fileName(), data)));
    final Div summary = new Div();
    final UnorderedList fileErrors = new UnorderedList();
    final Grid<ImportRow> rows = new Grid<>();
    final Button importButton = new Button("Import");
    private byte @Nullable [] file;

    ShotImportDialog(ShotImport shotImport, long episodeId, Runnable onImported) {
        this.shotImport = shotImport;
        this.episodeId = episodeId;
        this.onImported = onImported;
        setHeaderTitle("Import a shot list");
        setWidth("min(1100px, 95vw)");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ShotImport.MAX_BYTES);
        upload.setAcceptedFileTypes("text/csv", ".csv");
        upload.addFileRejectedListener(e -> show(null, ImportPreview.refused(e.getErrorMessage())));
        var template = new Anchor(DownloadHandler.fromInputStream(event -> {
            var bytes = TEMPLATE.getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "shot-list-template.csv", "text/csv",
                    bytes.length);
        }), "Download a template");
        var help = new Paragraph("A CSV file (UTF-8) whose first row names the columns: code and prompt, and any of"
                + " description, frames, fps, assignee (username or name) and due (year-month-day, e.g. 2027-02-15)."
                + " Nothing is saved until every row is right.");
        summary.addClassName("import-summary");
        summary.getElement().setAttribute("role", "status");
        fileErrors.addClassName("form-error");
        rows.addColumn(ImportRow::line).setHeader("Line").setWidth("5em").setFlexGrow(0);
        rows.addColumn(r -> r.cell("code")).setHeader("Code").setAutoWidth(true);
        rows.addColumn(r -> r.cell("prompt")).setHeader("Prompt").setFlexGrow(1).setTooltipGenerator(r -> r.cell("prompt"));
        rows.addColumn(r -> r.cell("assignee")).setHeader("Assignee").setAutoWidth(true);
        rows.addColumn(r -> r.cell("due")).setHeader("Due").setAutoWidth(true);
        rows.addColumn(ShotImportDialog::problems).setHeader("Problems").setFlexGrow(2)
                .setTooltipGenerator(ShotImportDialog::problems);
        rows.setPartNameGenerator(r -> r.valid() ? null : "import-error");
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rows.setEmptyStateText("Choose a CSV file to see its shots here.");
        rows.setHeight("22rem");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(e -> save());
        add(help, template, upload, summary, fileErrors, rows);
        getFooter().add(new Button("Cancel", e -> close()), importButton);
    }

    /** The upload's callback, which runs without the session's lock (and is called by tests, which have no browser). */
    void received(String fileName, byte[] bytes) {
        var ui = getUI().orElse(UI.getCurrent());
        if (ui == null) {
            return;
        }
        if (ui.getSession().hasLock()) {
            show(bytes, shotImport.preview(episodeId, bytes));
        } else {
            ui.access(() -> show(bytes, shotImport.preview(episodeId, bytes)));
        }
    }

    private void show(byte @Nullable [] bytes, ImportPreview preview) {
        file = preview.valid() ? bytes : null;
        fileErrors.removeAll();
        preview.fileErrors().forEach(problem -> fileErrors.add(new ListItem(problem)));
        fileErrors.setVisible(!preview.fileErrors().isEmpty());
        rows.setItems(preview.rows());
        var bad = preview.invalidRows();
        summary.setText(!preview.fileErrors().isEmpty() ? "The file cannot be imported."
                : preview.rows().isEmpty() ? "The file has no shots."
                : bad == 0 ? preview.rows().size() + " shots are ready to import."
                : bad + " of " + preview.rows().size() + " rows have problems. Fix them in the file and choose it again;"
                + " nothing has been saved.");
        importButton.setEnabled(preview.valid());
        importButton.setText(preview.valid() ? "Import " + preview.rows().size() + " shots" : "Import");
    }

    private void save() {
        if (file == null) {
            return;
        }
        int created = shotImport.save(episodeId, file);
        close();
        onImported.run();
        FormErrors.showSuccess("Imported " + created + " shots");
    }

    static String problems(ImportRow row) {
        return row.errors().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }

}
