package studio.dailies.production;

import studio.dailies.generation.GeneratedClip;
import studio.dailies.generation.GenerationProgress;
import studio.dailies.generation.Recipe;
import studio.dailies.generation.ShotGenerator;
import studio.dailies.generation.procedural.ProceduralGenerator;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A developer's look at what a newcomer sees: renders the demo show's first takes (4 per shot, at the
 * show's size) and writes one contact sheet per shot under {@code target/demo-preview/}: a row per
 * take, and the first frame, a third, two thirds and the last frame of the clip as columns, at half
 * size. Not a test; run it with
 * {@code bench/run-main.sh studio.dailies.production.DemoShotsPreview [frames] [--baseline] [prompt...]}.
 * {@code --baseline} renders with the frozen 1.0 renderer instead, for a before/after look.
 */
public final class DemoShotsPreview {

    private static final int COLUMNS = 4;
    private static final int TAKES = 4;

    private DemoShotsPreview() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("ai.djl.offline", "true");
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 36;
        boolean baseline = List.of(args).contains("--baseline");
        var prompts = List.of(args).stream().skip(1).filter(a -> !a.startsWith("--")).toList();
        if (prompts.isEmpty()) {
            prompts = DemoShowSeeder.demoPrompts();
        }
        var out = Path.of("target", baseline ? "demo-preview-1.0" : "demo-preview");
        Files.createDirectories(out);
        try (ShotGenerator generator = baseline ? new studio.dailies.bench.procedural1.ProceduralGenerator()
                : new ProceduralGenerator()) {
            for (int i = 0; i < prompts.size(); i++) {
                var recipe = new Recipe(prompts.get(i), "text, watermark, blurry", 1000 + 10L * i, 640, 360, frames,
                        24, 30, 7.5);
                long start = System.nanoTime();
                var takes = generator.generate(recipe, TAKES, GenerationProgress.NONE);
                var file = out.resolve("shot-%02d.png".formatted(i + 1));
                ImageIO.write(sheet(takes), "png", file.toFile());
                System.out.printf("%s  %4d ms  %s%n", file, (System.nanoTime() - start) / 1_000_000, recipe.prompt());
            }
        }
    }

    /** Takes as rows, frames 0, 1/3, 2/3 and last as columns, each at half size. */
    private static BufferedImage sheet(List<GeneratedClip> takes) {
        int w = takes.getFirst().width() / 2, h = takes.getFirst().height() / 2, gap = 4;
        var sheet = new BufferedImage(COLUMNS * (w + gap), takes.size() * (h + gap), BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < takes.size(); row++) {
            var clip = takes.get(row);
            int last = clip.rgbFrames().size() - 1;
            for (int col = 0; col < COLUMNS; col++) {
                byte[] rgb = clip.rgbFrames().get(Math.round(last * col / (COLUMNS - 1f)));
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int i = ((2 * y) * clip.width() + 2 * x) * 3;
                        sheet.setRGB(col * (w + gap) + x, row * (h + gap) + y,
                                (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff));
                    }
                }
            }
        }
        return sheet;
    }
}
