package studio.dailies.notes;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.awt.Color;
import java.io.IOException;

/**
 * Paints a drawing over a frame placed on a PDF page, as vectors, so that the burned-in drawing is as sharp as the
 * players show it. Frame coordinates (pixels, origin top left) map onto the frame's box on the page (points, origin
 * bottom left). Pen strokes are smoothed through the midpoints of their path, as the browser's pen does.
 */
final class DrawingOnPage {

    /** Control-point distance of a quarter ellipse drawn as a cubic Bézier curve. */
    private static final float KAPPA = 0.5523f;

    private final PDPageContentStream page;
    private final PdfText text;
    private final float left;
    private final float bottom;
    private final float scaleX;
    private final float scaleY;
    private final int frameHeight;

    DrawingOnPage(PDPageContentStream page, PdfText text, float left, float bottom, float width, float height,
                  int frameWidth, int frameHeight) {
        this.page = page;
        this.text = text;
        this.left = left;
        this.bottom = bottom;
        this.scaleX = width / frameWidth;
        this.scaleY = height / frameHeight;
        this.frameHeight = frameHeight;
    }

    void paint(Drawing drawing, float opacity) throws IOException {
        for (var stroke : drawing.strokes()) {
            var color = Color.decode(stroke.color());
            page.saveGraphicsState();
            var state = new org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState();
            state.setStrokingAlphaConstant(opacity);
            state.setNonStrokingAlphaConstant(opacity);
            page.setGraphicsStateParameters(state);
            page.setStrokingColor(color);
            page.setNonStrokingColor(color);
            page.setLineWidth((float) stroke.width() * scaleX);
            page.setLineCapStyle(1);    // round
            page.setLineJoinStyle(1);
            switch (stroke.tool()) {
                case PEN -> pen(stroke);
                case ARROW -> arrow(stroke);
                case RECT -> rectangle(stroke);
                case ELLIPSE -> ellipse(stroke);
                case TEXT -> label(stroke);
            }
            page.restoreGraphicsState();
        }
    }

    private void pen(Drawing.Stroke stroke) throws IOException {
        int n = stroke.pointCount();
        page.moveTo(x(stroke.x(0)), y(stroke.y(0)));
        if (n == 1) {
            page.lineTo(x(stroke.x(0)) + 0.01f, y(stroke.y(0)));   // a dot: round caps draw it
        }
        // Quadratic curves through the midpoints, written as cubics: a smooth line with the pen's points as guides.
        float fromX = x(stroke.x(0));
        float fromY = y(stroke.y(0));
        for (int i = 1; i < n; i++) {
            float cx = x(stroke.x(i - 1));
            float cy = y(stroke.y(i - 1));
            float toX = i == n - 1 ? x(stroke.x(i)) : (cx + x(stroke.x(i))) / 2;
            float toY = i == n - 1 ? y(stroke.y(i)) : (cy + y(stroke.y(i))) / 2;
            if (i == 1) {
                page.lineTo(toX, toY);
            } else {
                page.curveTo(fromX + 2f / 3 * (cx - fromX), fromY + 2f / 3 * (cy - fromY),
                        toX + 2f / 3 * (cx - toX), toY + 2f / 3 * (cy - toY), toX, toY);
            }
            fromX = toX;
            fromY = toY;
        }
        page.stroke();
    }

    private void arrow(Drawing.Stroke stroke) throws IOException {
        float x1 = x(stroke.x(0));
        float y1 = y(stroke.y(0));
        float x2 = x(stroke.x(1));
        float y2 = y(stroke.y(1));
        page.moveTo(x1, y1);
        page.lineTo(x2, y2);
        page.stroke();
        // The head: two lines back from the tip at ±28°, as long as four stroke widths (and at most half the shaft).
        double angle = Math.atan2(y2 - y1, x2 - x1);
        double length = Math.min(Math.hypot(x2 - x1, y2 - y1) / 2, 4 * stroke.width() * scaleX + 6);
        for (double side : new double[]{-0.49, 0.49}) {
            page.moveTo(x2, y2);
            page.lineTo((float) (x2 - length * Math.cos(angle + side)), (float) (y2 - length * Math.sin(angle + side)));
        }
        page.stroke();
    }

    private void rectangle(Drawing.Stroke stroke) throws IOException {
        float x1 = x(stroke.x(0));
        float y1 = y(stroke.y(0));
        float x2 = x(stroke.x(1));
        float y2 = y(stroke.y(1));
        page.addRect(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1));
        page.stroke();
    }

    private void ellipse(Drawing.Stroke stroke) throws IOException {
        float x1 = x(stroke.x(0));
        float y1 = y(stroke.y(0));
        float x2 = x(stroke.x(1));
        float y2 = y(stroke.y(1));
        float cx = (x1 + x2) / 2;
        float cy = (y1 + y2) / 2;
        float rx = Math.abs(x2 - x1) / 2;
        float ry = Math.abs(y2 - y1) / 2;
        float kx = rx * KAPPA;
        float ky = ry * KAPPA;
        page.moveTo(cx + rx, cy);
        page.curveTo(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry);
        page.curveTo(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy);
        page.curveTo(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry);
        page.curveTo(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy);
        page.closeAndStroke();
    }

    private void label(Drawing.Stroke stroke) throws IOException {
        var words = stroke.text();
        if (words == null) {
            return;
        }
        PDFont font = text.bold();
        page.beginText();
        page.setFont(font, (float) stroke.width() * scaleY);
        page.newLineAtOffset(x(stroke.x(0)), y(stroke.y(0)));
        page.showText(text.printable(words, font));
        page.endText();
    }

    private float x(double frameX) {
        return left + (float) frameX * scaleX;
    }

    private float y(double frameY) {
        return bottom + (float) (frameHeight - frameY) * scaleY;
    }
}
