package studio.dailies.generation.procedural;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.dailies.generation.procedural.FrameMeasures.difference;
import static studio.dailies.generation.procedural.FrameMeasures.shift;
import static studio.dailies.generation.procedural.FrameMeasures.warmCentre;
import static studio.dailies.generation.procedural.FrameMeasures.warmShift;
import static studio.dailies.generation.procedural.FrameMeasures.whiteShift;
import static studio.dailies.generation.procedural.FrameMeasures.zoom;

/**
 * Motion words move things visibly over a clip, measured between its first and last frame: how far
 * the picture (or its lanterns, boats, snow) shifted, or how much it was magnified. Frames are
 * 160 pixels wide, so 16 pixels is a tenth of the frame.
 */
class SceneMotionTest extends RenderingTest {

    /** Rows of the near houses of a city, where a pan shows best. */
    private static final double NEAR_TOP = 0.5;

    @Test
    void aPanRightMovesTheNearSceneLeftByOverATenthOfTheFrame() {
        var clip = render("noon over a city, pan right", 11);
        assertThat(shift(first(clip), last(clip), WIDTH, HEIGHT, NEAR_TOP, 1, 60, 4)[0]).isLessThan(-16);
    }

    @Test
    void aPanLeftMovesItRight() {
        var clip = render("noon over a city, pan left", 11);
        assertThat(shift(first(clip), last(clip), WIDTH, HEIGHT, NEAR_TOP, 1, 60, 4)[0]).isGreaterThan(16);
    }

    @Test
    void aSlowPanStillMovesVisiblyButLessThanAPan() {
        var slow = render("noon over a city, slow pan right", 11);
        var pan = render("noon over a city, pan right", 11);
        int slowShift = shift(first(slow), last(slow), WIDTH, HEIGHT, NEAR_TOP, 1, 60, 4)[0];
        assertThat(slowShift).isLessThan(-8).isGreaterThan(shift(first(pan), last(pan), WIDTH, HEIGHT, NEAR_TOP, 1, 60, 4)[0]);
    }

    @Test
    void aStaticCameraHoldsTheLandStill() {
        var clip = render("noon over a city, static camera", 11);
        assertThat(shift(first(clip), last(clip), WIDTH, HEIGHT, NEAR_TOP, 1, 30, 4)).containsExactly(0, 0);
        assertThat(difference(first(clip), last(clip))).isLessThan(0.02);
    }

    @ParameterizedTest(name = "\"{0}\" magnifies the picture")
    @ValueSource(strings = {"noon over a city, zoom in", "noon over a city, slow zoom", "noon over a city, push in",
            "noon over a city, dolly forward"})
    void zoomsAndPushesInMagnifyThePicture(String prompt) {
        var clip = render(prompt, 12);
        assertThat(zoom(first(clip), last(clip), WIDTH, HEIGHT)).isGreaterThan(1.1);
    }

    @ParameterizedTest(name = "\"{0}\" shrinks the picture")
    @ValueSource(strings = {"noon over a city, zoom out", "noon over a city, slow zoom out", "noon over a city, dolly back",
            "noon over a city, pull back"})
    void zoomsOutAndPullsBackShrinkThePicture(String prompt) {
        var clip = render(prompt, 12);
        assertThat(zoom(first(clip), last(clip), WIDTH, HEIGHT)).isLessThan(0.93);
    }

    /**
     * "Barely visible" no more: over a demo shot, the camera move changes the picture by more than 3 %
     * of the value range on average (renderer 1.0's pans changed it by under 1 %).
     */
    @ParameterizedTest(name = "\"{0}\" changes the picture visibly")
    @ValueSource(strings = {"dawn over misty mountains, a paper-lantern village in the valley, warm light, slow pan",
            "night sky over the hills, a single glowing lantern rising, stars, slow zoom",
            "rain over a city of paper rooftops at night, cold palette, dolly forward",
            "noon sun over a bustling desert market town, warm palette, pan right"})
    void cameraMovesChangeThePictureVisibly(String prompt) {
        var clip = render(prompt, 13);
        assertThat(difference(first(clip), last(clip))).isGreaterThan(0.03);
    }

    @Test
    void aRisingLanternClimbsAQuarterOfTheFrame() {
        var clip = render("night over the hills, a single lantern rising, static camera", 13);
        var start = warmCentre(first(clip), WIDTH, HEIGHT);
        var end = warmCentre(last(clip), WIDTH, HEIGHT);
        assertThat(start[1] - end[1]).as("rise in frame heights").isGreaterThan(0.25);
        var still = render("night over the hills, a single lantern, static camera", 13);
        assertThat(warmCentre(first(still), WIDTH, HEIGHT)[1] - warmCentre(last(still), WIDTH, HEIGHT)[1]).isLessThan(0.1);
    }

    @Test
    void risingLanternsMoveUp() {
        var clip = render("night over the hills, lanterns rising, static camera", 13);
        assertThat(warmShift(first(clip), last(clip), WIDTH, HEIGHT, 4, 30)[1]).as("vertical shift in pixels").isLessThan(-12);
    }

    @Test
    void driftingLanternsMoveSideways() {
        var drifting = render("night over the hills, lanterns drifting, static camera", 14);
        var calm = render("night over the hills, lanterns, static camera", 14);
        int dx = Math.abs(warmShift(first(drifting), last(drifting), WIDTH, HEIGHT, 30, 12)[0]);
        assertThat(dx).isGreaterThan(6)
                .isGreaterThan(Math.abs(warmShift(first(calm), last(calm), WIDTH, HEIGHT, 30, 12)[0]));
    }

    @Test
    void driftingBoatsSailAcrossTheWater() {
        // The paper boats are the white things on the water.
        var drifting = render("noon on the sea, paper boats drifting, static camera", 14);
        var moored = render("noon on the sea, paper boats, static camera", 14);
        int dx = Math.abs(whiteShift(first(drifting), last(drifting), WIDTH, HEIGHT, 0.55, 1, 30, 3)[0]);
        assertThat(dx).isGreaterThan(12)
                .isGreaterThan(Math.abs(whiteShift(first(moored), last(moored), WIDTH, HEIGHT, 0.55, 1, 30, 3)[0]));
    }

    @Test
    void snowFalls() {
        // Two frames an eighth of a second apart (at 24 fps): the flakes have moved down.
        var clip = render("night over the hills, snow falling, static camera", 15, 320, 180);
        var from = clip.rgbFrames().get(0);
        var to = clip.rgbFrames().get(3);
        int[] moved = whiteShift(from, to, 320, 180, 0, 1, 6, 24);
        assertThat(moved[1]).isGreaterThan(3);
    }

    @Test
    void driftingFogMovesMoreThanStillFog() {
        var drifting = render("fog drifting over the hills, static camera", 16);
        var still = render("fog over the hills, static camera", 16);
        assertThat(difference(first(drifting), last(drifting))).isGreaterThan(difference(first(still), last(still)) * 1.5);
    }
}
