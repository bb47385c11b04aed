package studio.dailies.production;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The contact sheet: sixteen shots a page in the order given, captions as text, big frames scaled down. */
class ContactSheetTest {

    @Test
    void seventeenShotsTakeTwoPagesInTheirOrder() throws Exception {
        var cells = new ArrayList<ContactSheet.Cell>();
        for (int i = 1; i <= 17; i++) {
            cells.add(new ContactSheet.Cell(frame(96, 54), "EP01_SH%03d  take %d".formatted(i * 10, i), "4 frames"));
        }
        try (var pdf = Loader.loadPDF(ContactSheet.pdf("EP01  Lanterns  contact sheet", cells))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            var stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            var first = stripper.getText(pdf);
            assertThat(first).contains("EP01  Lanterns  contact sheet  (1/2)", "EP01_SH010", "EP01_SH160")
                    .doesNotContain("EP01_SH170");
            assertThat(first.indexOf("EP01_SH010")).isLessThan(first.indexOf("EP01_SH020"));
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(pdf)).contains("EP01_SH170").doesNotContain("EP01_SH010");
        }
    }

    @Test
    void aCaptionOutsideLatin1StillPrints() throws Exception {
        var cells = java.util.List.of(new ContactSheet.Cell(frame(8, 8), "SH010 灯笼", "4 frames"));
        try (var pdf = Loader.loadPDF(ContactSheet.pdf("EP01", cells))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("SH010 ??");
        }
    }

    @Test
    void aBigFrameIsScaledDownForItsCellAndASmallOneIsKept() {
        var still = ContactSheet.still(frame(1280, 720));
        assertThat(still.getWidth()).isEqualTo(ContactSheet.STILL_WIDTH);
        assertThat(still.getHeight()).isEqualTo(180);
        var small = frame(64, 64);
        assertThat(ContactSheet.still(small)).isSameAs(small);
    }

    private static BufferedImage frame(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        return image;
    }
}
