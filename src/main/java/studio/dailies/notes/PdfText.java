package studio.dailies.notes;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Text on export pages in PDF's standard Helvetica, which every reader has, so nothing is embedded and servers
 * need no fonts. Helvetica covers Western European text (WinAnsi); any other character is printed as "?" rather
 * than failing the export.
 */
final class PdfText {

    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<Integer, Boolean> printable = new HashMap<>();

    PDFont regular() {
        return regular;
    }

    PDFont bold() {
        return bold;
    }

    /** The text with every character the font cannot show replaced by "?", and no line breaks. */
    String printable(String text, PDFont font) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t') {
                out.append(' ');
            } else if (printable.computeIfAbsent(c, this::encodes)) {
                out.appendCodePoint(c);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private boolean encodes(int codePoint) {
        try {
            regular.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException notInFont) {
            return false;
        }
    }

    float width(String printableText, PDFont font, float size) {
        try {
            return font.getStringWidth(printableText) / 1000 * size;
        } catch (IOException e) {
            return printableText.length() * size * 0.5f;
        }
    }

    /** The text broken into lines no wider than {@code maxWidth}, at word boundaries where it can. */
    List<String> wrap(String text, PDFont font, float size, float maxWidth) {
        var lines = new ArrayList<String>();
        for (var paragraph : text.split("\n", -1)) {
            var line = new StringBuilder();
            for (var word : printable(paragraph, font).split(" ")) {
                var candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // A word wider than the line is cut where it must be.
                var rest = word;
                while (width(rest, font, size) > maxWidth && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), font, size) > maxWidth) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
