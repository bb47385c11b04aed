package studio.dailies.production;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * An episode's contact sheet as a PDF (Apache PDFBox): one landscape A4 page per sixteen shots, in shot order, each
 * cell a still of the approved take with its shot, take, frames, fps and approver beneath.
 */
final class ContactSheet {

    /** One cell: a still and two caption lines. */
    record Cell(BufferedImage still, String caption, String detail) {
    }

    private static final int COLUMNS = 4;
    private static final int ROWS = 4;
    private static final float MARGIN = 28;
    private static final float HEADER = 30;
    private static final float CAPTION = 24;

    /** Stills are kept this wide at most, so a hundred shots' stills stay small in memory and in the PDF. */
    static final int STILL_WIDTH = 320;

    private ContactSheet() {
    }

    /** The frame scaled down to at most {@link #STILL_WIDTH} wide, for a cell. */
    static BufferedImage still(BufferedImage frame) {
        if (frame.getWidth() <= STILL_WIDTH) {
            return frame;
        }
        int height = Math.max(1, Math.round(frame.getHeight() * (float) STILL_WIDTH / frame.getWidth()));
        var still = new BufferedImage(STILL_WIDTH, height, BufferedImage.TYPE_INT_RGB);
        var graphics = still.createGraphics();
        try {
            graphics.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(frame, 0, 0, STILL_WIDTH, height, null);
        } finally {
            graphics.dispose();
        }
        return still;
    }

    static byte[] pdf(String title, List<Cell> cells) throws IOException {
        try (var document = new PDDocument()) {
            var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            var size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            float cellWidth = (size.getWidth() - 2 * MARGIN) / COLUMNS;
            float cellHeight = (size.getHeight() - 2 * MARGIN - HEADER) / ROWS;
            int perPage = COLUMNS * ROWS;
            int pages = Math.max(1, (cells.size() + perPage - 1) / perPage);
            for (int p = 0; p < pages; p++) {
                var page = new PDPage(size);
                document.addPage(page);
                try (var content = new PDPageContentStream(document, page)) {
                    text(content, bold, 14, MARGIN, size.getHeight() - MARGIN - 14,
                            title + (pages > 1 ? "  (" + (p + 1) + "/" + pages + ")" : ""));
                    for (int i = p * perPage; i < Math.min(cells.size(), (p + 1) * perPage); i++) {
                        int slot = i - p * perPage;
                        float x = MARGIN + (slot % COLUMNS) * cellWidth;
                        float top = size.getHeight() - MARGIN - HEADER - (slot / COLUMNS) * cellHeight;
                        var cell = cells.get(i);
                        float boxWidth = cellWidth - 8;
                        float boxHeight = cellHeight - CAPTION - 6;
                        float scale = Math.min(boxWidth / cell.still().getWidth(), boxHeight / cell.still().getHeight());
                        float w = cell.still().getWidth() * scale;
                        float h = cell.still().getHeight() * scale;
                        var image = JPEGFactory.createFromImage(document, cell.still(), 0.9f);
                        content.drawImage(image, x, top - h, w, h);
                        text(content, bold, 8, x, top - h - 10, cell.caption());
                        text(content, font, 7, x, top - h - 19, cell.detail());
                    }
                }
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(text));
        content.endText();
    }

    /** The standard fonts only know Latin-1 (WinAnsi); anything else shows as '?' rather than failing the sheet. */
    private static String printable(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c <= 0x7e || c >= 0xa0 && c <= 0xff ? (char) c : '?'));
        return out.toString();
    }
}
