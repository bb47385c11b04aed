package studio.dailies.generation.procedural;

import studio.dailies.generation.GeneratedClip;

import java.util.List;

/**
 * What the generator's tests measure in rendered frames (packed 8-bit RGB): mean differences, where
 * warm lantern light or neon is, contrast, and how far the picture moved between two frames (by
 * searching the shift or zoom that best lines them up). Values are 0–1 unless said otherwise; a
 * region is given as a range of rows in frame heights.
 */
public final class FrameMeasures {

    private FrameMeasures() {
    }

    /** Mean absolute difference per channel value over all frames of two clips. */
    public static double difference(GeneratedClip a, GeneratedClip b) {
        double total = 0;
        List<byte[]> fa = a.rgbFrames(), fb = b.rgbFrames();
        for (int f = 0; f < fa.size(); f++) {
            total += difference(fa.get(f), fb.get(f));
        }
        return total / fa.size();
    }

    public static double difference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return sum / (double) a.length / 255.0;
    }

    /** Mean absolute difference within rows {@code top}–{@code bottom} (frame heights). */
    public static double difference(byte[] a, byte[] b, int width, int height, double top, double bottom) {
        int from = (int) (top * height), to = (int) Math.min(height, bottom * height);
        long sum = 0;
        for (int i = from * width * 3; i < to * width * 3; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return sum / (double) Math.max(1, (to - from) * width * 3) / 255.0;
    }

    public static double meanBrightness(byte[] rgb) {
        long sum = 0;
        for (byte b : rgb) {
            sum += b & 0xff;
        }
        return sum / (double) rgb.length / 255.0;
    }

    /** Share of pixels lit like a paper lantern: bright, red-orange-yellow, clearly warmer than blue. */
    public static double warmGlow(byte[] rgb) {
        int count = 0;
        for (int i = 0; i < rgb.length; i += 3) {
            int r = rgb[i] & 0xff, g = rgb[i + 1] & 0xff, b = rgb[i + 2] & 0xff;
            if (r >= 190 && g >= 70 && r - b >= 80) {
                count++;
            }
        }
        return count * 3.0 / rgb.length;
    }

    /** Share of pixels whose luma is at least {@code by} (0–1) higher in {@code lit} than in {@code dark}. */
    public static double brightened(byte[] lit, byte[] dark, double by) {
        int count = 0, pixels = lit.length / 3;
        for (int p = 0; p < pixels; p++) {
            if (luma(lit, p) - luma(dark, p) >= by) {
                count++;
            }
        }
        return count / (double) pixels;
    }

    /** Share of pixels that are bright and strongly saturated: neon tubes, festival bulbs. */
    public static double vivid(byte[] rgb) {
        int count = 0;
        for (int i = 0; i < rgb.length; i += 3) {
            int r = rgb[i] & 0xff, g = rgb[i + 1] & 0xff, b = rgb[i + 2] & 0xff;
            int max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b));
            if (max >= 180 && max - min >= 130) {
                count++;
            }
        }
        return count * 3.0 / rgb.length;
    }

    /** Share of near-white pixels in rows {@code top}–{@code bottom}: snow flakes, sails, caps. */
    public static double white(byte[] rgb, int width, int height, double top, double bottom) {
        int from = (int) (top * height), to = (int) Math.min(height, bottom * height), count = 0;
        for (int p = from * width; p < to * width; p++) {
            int r = rgb[3 * p] & 0xff, g = rgb[3 * p + 1] & 0xff, b = rgb[3 * p + 2] & 0xff;
            if (Math.min(r, Math.min(g, b)) >= 200) {
                count++;
            }
        }
        return count / (double) Math.max(1, (to - from) * width);
    }

    /** Standard deviation of luma (0–1) in rows {@code top}–{@code bottom}: contrast. */
    public static double contrast(byte[] rgb, int width, int height, double top, double bottom) {
        int from = (int) (top * height), to = (int) Math.min(height, bottom * height);
        double sum = 0, squares = 0;
        int n = 0;
        for (int p = from * width; p < to * width; p++) {
            double l = luma(rgb, p);
            sum += l;
            squares += l * l;
            n++;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, squares / n - mean * mean));
    }

    /** Centre (x, y in frame fractions) of the warm lantern-lit pixels, or null if there are none. */
    public static double[] warmCentre(byte[] rgb, int width, int height) {
        double sx = 0, sy = 0;
        int n = 0;
        for (int p = 0; p < width * height; p++) {
            int r = rgb[3 * p] & 0xff, g = rgb[3 * p + 1] & 0xff, b = rgb[3 * p + 2] & 0xff;
            if (r >= 190 && g >= 70 && r - b >= 80) {
                sx += p % width;
                sy += p / width;
                n++;
            }
        }
        return n == 0 ? null : new double[]{sx / n / width, sy / n / height};
    }

    /**
     * The shift (dx, dy in pixels) that best lines frame {@code b} up with frame {@code a} within rows
     * {@code top}–{@code bottom}: content at (x, y) in a is at (x + dx, y + dy) in b.
     */
    public static int[] shift(byte[] a, byte[] b, int width, int height, double top, double bottom, int maxDx,
                              int maxDy) {
        var la = lumas(a, width * height);
        var lb = lumas(b, width * height);
        int from = (int) (top * height), to = (int) Math.min(height, bottom * height);
        int[] best = {0, 0};
        double bestError = Double.MAX_VALUE;
        for (int dy = -maxDy; dy <= maxDy; dy++) {
            for (int dx = -maxDx; dx <= maxDx; dx++) {
                double error = 0;
                int n = 0;
                for (int y = Math.max(from, -dy); y < Math.min(to, height - dy); y++) {
                    for (int x = Math.max(0, -dx); x < Math.min(width, width - dx); x++) {
                        error += Math.abs(la[y * width + x] - lb[(y + dy) * width + x + dx]);
                        n++;
                    }
                }
                if (n > width * (to - from) / 3 && error / n < bestError) {
                    bestError = error / n;
                    best = new int[]{dx, dy};
                }
            }
        }
        return best;
    }

    /**
     * The shift (dx, dy in pixels) that best lines up the warm lantern-lit pixels of frame {@code b}
     * with those of frame {@code a}: how far the lanterns moved, whatever the rest of the picture did.
     */
    public static int[] warmShift(byte[] a, byte[] b, int width, int height, int maxDx, int maxDy) {
        return maskShift(warmMask(a, width * height), warmMask(b, width * height), width, height, 0, 1, maxDx, maxDy);
    }

    /** Like {@link #warmShift}, for near-white pixels (snow flakes, sails) within rows {@code top}–{@code bottom}. */
    public static int[] whiteShift(byte[] a, byte[] b, int width, int height, double top, double bottom, int maxDx,
                                   int maxDy) {
        return maskShift(whiteMask(a, width * height), whiteMask(b, width * height), width, height, top, bottom,
                maxDx, maxDy);
    }

    private static int[] maskShift(boolean[] ma, boolean[] mb, int width, int height, double top, double bottom,
                                   int maxDx, int maxDy) {
        int from = (int) (top * height), to = (int) Math.min(height, bottom * height);
        int[] best = {0, 0};
        double bestError = Double.MAX_VALUE;
        for (int dy = -maxDy; dy <= maxDy; dy++) {
            for (int dx = -maxDx; dx <= maxDx; dx++) {
                int mismatched = 0, n = 0;
                for (int y = Math.max(from, -dy); y < Math.min(to, height - dy); y++) {
                    for (int x = Math.max(0, -dx); x < Math.min(width, width - dx); x++) {
                        boolean p = ma[y * width + x], q = mb[(y + dy) * width + x + dx];
                        if (p || q) {
                            n++;
                            if (p != q) {
                                mismatched++;
                            }
                        }
                    }
                }
                double error = n == 0 ? 1 : mismatched / (double) n;
                if (error < bestError) {
                    bestError = error;
                    best = new int[]{dx, dy};
                }
            }
        }
        return best;
    }

    private static boolean[] whiteMask(byte[] rgb, int pixels) {
        var mask = new boolean[pixels];
        for (int p = 0; p < pixels; p++) {
            mask[p] = Math.min(rgb[3 * p] & 0xff, Math.min(rgb[3 * p + 1] & 0xff, rgb[3 * p + 2] & 0xff)) >= 170;
        }
        return mask;
    }

    /** Mean brightness of a rectangle given in frame fractions. */
    public static double brightness(byte[] rgb, int width, int height, double left, double top, double right,
                                    double bottom) {
        long sum = 0;
        int n = 0;
        for (int y = (int) (top * height); y < (int) (bottom * height); y++) {
            for (int x = (int) (left * width); x < (int) (right * width); x++) {
                int p = 3 * (y * width + x);
                sum += (rgb[p] & 0xff) + (rgb[p + 1] & 0xff) + (rgb[p + 2] & 0xff);
                n += 3;
            }
        }
        return sum / (double) Math.max(1, n) / 255.0;
    }

    private static boolean[] warmMask(byte[] rgb, int pixels) {
        var mask = new boolean[pixels];
        for (int p = 0; p < pixels; p++) {
            int r = rgb[3 * p] & 0xff, g = rgb[3 * p + 1] & 0xff, b = rgb[3 * p + 2] & 0xff;
            mask[p] = r >= 190 && g >= 70 && r - b >= 80;
        }
        return mask;
    }

    /**
     * The magnification (about a searched centre) that best lines frame {@code b} up with frame
     * {@code a}: above 1 when b is zoomed in on a, below 1 when zoomed out.
     */
    public static double zoom(byte[] a, byte[] b, int width, int height) {
        var la = lumas(a, width * height);
        var lb = lumas(b, width * height);
        double best = 1, bestError = Double.MAX_VALUE;
        for (double s = 0.7; s <= 1.6; s += 0.02) {
            for (double cx = 0.25; cx <= 0.75; cx += 0.05) {
                for (double cy = 0.25; cy <= 0.75; cy += 0.05) {
                    double error = 0;
                    int n = 0;
                    for (int y = 0; y < height; y += 2) {
                        for (int x = 0; x < width; x += 2) {
                            // b at (x, y) shows a at c + (p − c) / s.
                            int ax = (int) Math.round(cx * width + (x - cx * width) / s);
                            int ay = (int) Math.round(cy * height + (y - cy * height) / s);
                            if (ax >= 0 && ax < width && ay >= 0 && ay < height) {
                                error += Math.abs(lb[y * width + x] - la[ay * width + ax]);
                                n++;
                            }
                        }
                    }
                    if (n > width * height / 16 && error / n < bestError) {
                        bestError = error / n;
                        best = s;
                    }
                }
            }
        }
        return best;
    }

    private static double[] lumas(byte[] rgb, int pixels) {
        var l = new double[pixels];
        for (int p = 0; p < pixels; p++) {
            l[p] = luma(rgb, p);
        }
        return l;
    }

    private static double luma(byte[] rgb, int p) {
        return (0.299 * (rgb[3 * p] & 0xff) + 0.587 * (rgb[3 * p + 1] & 0xff) + 0.114 * (rgb[3 * p + 2] & 0xff)) / 255.0;
    }
}
