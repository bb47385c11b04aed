package studio.dailies.notes;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.jspecify.annotations.Nullable;
import studio.dailies.media.MediaKey;
import studio.dailies.media.MediaStore;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A shot's or an episode's notes as a PDF for a review meeting: for each noted frame, the frame with the drawings
 * of its threads burned in (as vectors over the stored JPEG, which is embedded as it is), the take's recipe beside
 * it, and the threads under it. Every page carries the show, what the export covers, the date and who exported it.
 */
final class NotesPdf {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 40;
    private static final float THUMB_WIDTH = 250;
    private static final float GAP = 12;
    private static final float BODY = 9.5f;
    private static final float LEADING = 12.5f;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final Color INK = new Color(0x20, 0x22, 0x28);
    private static final Color GREY = new Color(0x6b, 0x70, 0x7a);

    private final MediaStore media;
    private final ZoneId zone;

    NotesPdf(MediaStore media, ZoneId zone) {
        this.media = media;
        this.zone = zone;
    }

    void write(NotesExport export, OutputStream out) throws IOException {
        try (var document = new PDDocument()) {
            new Pages(document, export).write();
            document.save(out);
        }
    }

    /** Lays the noted frames out, top to bottom, page after page. */
    private final class Pages {
        private final PDDocument document;
        private final NotesExport export;
        private final PdfText text = new PdfText();
        private @Nullable PDPageContentStream page;
        private float y;
        private int number;

        Pages(PDDocument document, NotesExport export) {
            this.document = document;
            this.export = export;
        }

        void write() throws IOException {
            newPage();
            if (export.frames().isEmpty()) {
                line("No notes to export.", text.regular(), 11, GREY, MARGIN);
            }
            for (var frame : export.frames()) {
                frame(frame);
            }
            close();
        }

        private void frame(NotesExport.NotedFrame noted) throws IOException {
            var take = noted.take();
            var recipe = take.recipe();
            float thumbHeight = THUMB_WIDTH * recipe.height() / recipe.width();
            var recipeLines = recipeLines(noted);
            var threadLines = threadLines(noted);
            float needed = Math.max(thumbHeight, (recipeLines.size() + 1) * LEADING) + GAP
                    + threadLines.size() * LEADING + 2 * GAP;
            if (y - needed < MARGIN && y < PAGE.getHeight() - MARGIN - 60) {
                newPage();
            }
            var content = current();
            float top = y;
            // The frame, with its threads' drawings burned in.
            float thumbBottom = top - thumbHeight;
            var stored = MediaKey.parse(take.mediaKey())
                    .flatMap(key -> media.resolve(key, "f%04d.jpg".formatted(noted.frame())));
            if (stored.isPresent()) {
                var image = JPEGFactory.createFromByteArray(document, Files.readAllBytes(stored.get()));
                content.drawImage(image, MARGIN, thumbBottom, THUMB_WIDTH, thumbHeight);
            } else {
                content.setNonStrokingColor(new Color(0x33, 0x33, 0x33));
                content.addRect(MARGIN, thumbBottom, THUMB_WIDTH, thumbHeight);
                content.fill();
            }
            var painter = new DrawingOnPage(content, text, MARGIN, thumbBottom, THUMB_WIDTH, thumbHeight,
                    recipe.width(), recipe.height());
            for (var thread : noted.threads()) {
                if (thread.drawing() != null) {
                    painter.paint(thread.drawing(), 1f);
                }
            }
            // The recipe beside it.
            float x = MARGIN + THUMB_WIDTH + GAP;
            y = top;
            line(noted.shot().code() + " · take #" + take.id() + " · frame " + (noted.frame() + 1), text.bold(), 11, INK, x);
            for (var recipeLine : recipeLines) {
                line(recipeLine, text.regular(), BODY, GREY, x);
            }
            // The threads under both.
            y = Math.min(y, thumbBottom) - GAP;
            for (var threadLine : threadLines) {
                line(threadLine.text(), threadLine.bold() ? text.bold() : text.regular(), BODY,
                        threadLine.bold() ? INK : Color.BLACK, MARGIN + threadLine.indent());
            }
            y -= GAP;
            var after = current();   // the threads may have run onto a new page
            after.setStrokingColor(new Color(0xdd, 0xdd, 0xdd));
            after.setLineWidth(0.5f);
            after.moveTo(MARGIN, y + GAP / 2);
            after.lineTo(PAGE.getWidth() - MARGIN, y + GAP / 2);
            after.stroke();
        }

        private List<String> recipeLines(NotesExport.NotedFrame noted) {
            var recipe = noted.take().recipe();
            float width = PAGE.getWidth() - 2 * MARGIN - THUMB_WIDTH - GAP;
            var lines = new ArrayList<>(text.wrap("Prompt: " + recipe.prompt(), text.regular(), BODY, width));
            if (!recipe.negativePrompt().isBlank()) {
                lines.addAll(text.wrap("Not: " + recipe.negativePrompt(), text.regular(), BODY, width));
            }
            var model = noted.take().model();
            lines.add("Seed " + recipe.seed() + " · " + recipe.steps() + " steps · cfg " + recipe.guidance());
            lines.add(recipe.width() + "×" + recipe.height() + " · " + recipe.frameCount() + " frames at " + recipe.fps()
                    + " fps");
            lines.add("Model " + model.modelId() + " " + model.version());
            return lines;
        }

        private record ThreadLine(String text, boolean bold, float indent) {
        }

        private List<ThreadLine> threadLines(NotesExport.NotedFrame noted) {
            float width = PAGE.getWidth() - 2 * MARGIN;
            var lines = new ArrayList<ThreadLine>();
            for (var thread : noted.threads()) {
                var root = thread.root();
                lines.add(new ThreadLine(heading(root, "Note #" + root.id() + (root.frameStart() == root.frameEnd() ? ""
                        : " (frames " + root.frames() + ")") + " · " + root.status(false)), true, 0));
                body(lines, root, width, 0);
                for (var reply : thread.replies()) {
                    lines.add(new ThreadLine(heading(reply, "Reply"), true, 16));
                    body(lines, reply, width - 16, 16);
                }
            }
            return lines;
        }

        private String heading(NotesExport.Note note, String what) {
            return what + " · " + note.author() + " · " + WHEN.format(note.createdAt().atZone(zone));
        }

        private void body(List<ThreadLine> lines, NotesExport.Note note, float width, float indent) {
            var words = note.deleted() ? "(deleted)" : note.text().isEmpty() ? "(a drawing)" : note.text();
            for (var wrapped : text.wrap(words, text.regular(), BODY, width)) {
                lines.add(new ThreadLine(wrapped, false, indent));
            }
        }

        private void line(String words, PDFont font, float size, Color color, float x) throws IOException {
            if (y - LEADING < MARGIN) {
                newPage();
            }
            y -= LEADING;
            var content = current();
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(color);
            content.newLineAtOffset(x, y);
            content.showText(text.printable(words, font));
            content.endText();
        }

        private void newPage() throws IOException {
            close();
            var next = new PDPage(PAGE);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            number++;
            y = PAGE.getHeight() - MARGIN;
            var content = current();
            header(content);
        }

        private void header(PDPageContentStream content) throws IOException {
            content.beginText();
            content.setFont(text.bold(), 13);
            content.setNonStrokingColor(INK);
            content.newLineAtOffset(MARGIN, y - 12);
            content.showText(text.printable(export.showName() + " · " + export.scope() + " · Notes", text.bold()));
            content.endText();
            var byline = "Exported " + WHEN.format(export.exportedAt().atZone(zone)) + " by " + export.exportedBy()
                    + " · page " + number;
            content.beginText();
            content.setFont(text.regular(), 8.5f);
            content.setNonStrokingColor(GREY);
            content.newLineAtOffset(MARGIN, y - 25);
            content.showText(text.printable(byline, text.regular()));
            content.endText();
            y -= 40;
        }

        private PDPageContentStream current() {
            if (page == null) {
                throw new IllegalStateException("no page open");
            }
            return page;
        }

        private void close() throws IOException {
            if (page != null) {
                page.close();
                page = null;
            }
        }
    }
}
