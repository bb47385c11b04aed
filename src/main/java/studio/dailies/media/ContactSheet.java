package studio.dailies.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid of small frames, each numbered in its corner, to see a whole clip at a glance. Long clips are
 * sampled evenly, so the sheet stays a few hundred kilobytes.
 */
final class ContactSheet {

    static final int COLUMNS = 6;
    static final int MAX_ROWS = 10;
    static final int THUMB_WIDTH = 160;
    static final int GAP = 2;

    private static final Color BACKGROUND = new Color(0x1b1d22);

    private final int thumbWidth;
    private final int thumbHeight;
    private final List<Integer> frameNumbers;
    private final BufferedImage sheet;
    private int placed;

    ContactSheet(int frameWidth, int frameHeight, int frameCount) {
        // Small frames are not enlarged.
        thumbWidth = Math.min(THUMB_WIDTH, frameWidth);
        thumbHeight = Math.max(1, Math.round((float) frameHeight * thumbWidth / frameWidth));
        frameNumbers = sample(frameCount, COLUMNS * MAX_ROWS);
        int columns = Math.min(COLUMNS, frameNumbers.size());
        int rows = (frameNumbers.size() + COLUMNS - 1) / COLUMNS;
        sheet = new BufferedImage(GAP + columns * (thumbWidth + GAP), GAP + rows * (thumbHeight + GAP),
                BufferedImage.TYPE_3BYTE_BGR);
        var g = sheet.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.dispose();
    }

    /** Evenly spread frame numbers, first and last included, at most {@code max} of them. */
    static List<Integer> sample(int frameCount, int max) {
        var numbers = new ArrayList<Integer>();
        if (frameCount <= max) {
            for (int i = 0; i < frameCount; i++) {
                numbers.add(i);
            }
        } else {
            for (int i = 0; i < max; i++) {
                numbers.add((int) Math.round((double) i * (frameCount - 1) / (max - 1)));
            }
        }
        return numbers;
    }

    boolean wants(int frameNumber) {
        return placed < frameNumbers.size() && frameNumbers.get(placed) == frameNumber;
    }

    /** Adds the next wanted frame; frames come in order. */
    void add(int frameNumber, BufferedImage frame) {
        if (!wants(frameNumber)) {
            throw new IllegalStateException("Frame " + frameNumber + " is not next on the sheet");
        }
        int x = GAP + (placed % COLUMNS) * (thumbWidth + GAP);
        int y = GAP + (placed / COLUMNS) * (thumbHeight + GAP);
        var g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(halvedTowards(frame, thumbWidth), x, y, thumbWidth, thumbHeight, null);
        PixelDigits.draw(g, Integer.toString(frameNumber), x, y + thumbHeight, Math.max(1, thumbWidth / 80));
        g.dispose();
        placed++;
    }

    BufferedImage image() {
        return sheet;
    }

    /** Bilinear scaling skips pixels when it shrinks more than 2x; halving first keeps thin lines from aliasing. */
    private static BufferedImage halvedTowards(BufferedImage image, int width) {
        var current = image;
        while (current.getWidth() / 2 >= width && current.getHeight() >= 2) {
            var half = new BufferedImage(current.getWidth() / 2, current.getHeight() / 2, BufferedImage.TYPE_3BYTE_BGR);
            var g = half.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(current, 0, 0, half.getWidth(), half.getHeight(), null);
            g.dispose();
            current = half;
        }
        return current;
    }

    /**
     * Digits from a 3x5 pixel font. Drawing text with AWT needs system fonts, which slim server images
     * lack; this needs none, and looks the same everywhere.
     */
    static final class PixelDigits {

        // One row per 3 bits, top row first.
        private static final int[] GLYPHS = {
                0b111_101_101_101_111, 0b010_110_010_010_111, 0b111_001_111_100_111, 0b111_001_111_001_111,
                0b101_101_111_001_001, 0b111_100_111_001_111, 0b111_100_111_101_111, 0b111_001_010_010_010,
                0b111_101_111_101_111, 0b111_101_111_001_111};

        private PixelDigits() {
        }

        /** Draws the digits on a dark plate whose bottom-left corner is at (x, bottom). */
        static void draw(Graphics2D g, String digits, int x, int bottom, int scale) {
            int plateWidth = (digits.length() * 4 + 1) * scale;
            int plateHeight = 7 * scale;
            g.setColor(new Color(0, 0, 0, 160));
            g.fillRect(x, bottom - plateHeight, plateWidth, plateHeight);
            g.setColor(Color.WHITE);
            for (int d = 0; d < digits.length(); d++) {
                int glyph = GLYPHS[digits.charAt(d) - '0'];
                for (int bit = 0; bit < 15; bit++) {
                    if ((glyph >> (14 - bit) & 1) == 1) {
                        int px = x + (1 + d * 4 + bit % 3) * scale;
                        int py = bottom - plateHeight + (1 + bit / 3) * scale;
                        g.fillRect(px, py, scale, scale);
                    }
                }
            }
        }
    }
}
