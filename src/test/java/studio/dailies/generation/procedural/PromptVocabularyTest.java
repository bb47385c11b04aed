package studio.dailies.generation.procedural;

import org.junit.jupiter.api.Test;
import studio.dailies.generation.procedural.SceneSpec.Camera;
import studio.dailies.generation.procedural.SceneSpec.Palette;
import studio.dailies.generation.procedural.SceneSpec.Terrain;
import studio.dailies.generation.procedural.SceneSpec.TimeOfDay;
import studio.dailies.generation.procedural.SceneSpec.Weather;

import static org.assertj.core.api.Assertions.assertThat;

class PromptVocabularyTest {

    @Test
    void aPromptIsReadIntoTimeWeatherTerrainPaletteAndCamera() {
        var spec = PromptVocabulary.parse("Storm over the SEA at dusk, misty mountains, neon, pan left", "");
        assertThat(spec.time()).isEqualTo(TimeOfDay.SUNSET);
        assertThat(spec.weather()).containsExactlyInAnyOrder(Weather.STORM, Weather.FOG);
        assertThat(spec.terrain()).containsExactlyInAnyOrder(Terrain.SEA, Terrain.MOUNTAINS);
        assertThat(spec.palette()).isEqualTo(Palette.NEON);
        assertThat(spec.camera()).isEqualTo(Camera.PAN);
        assertThat(spec.cameraReversed()).isTrue();
    }

    @Test
    void aPlainPromptGetsCalmDefaults() {
        var spec = PromptVocabulary.parse("a lantern", "");
        assertThat(spec.time()).isEqualTo(TimeOfDay.NOON);
        assertThat(spec.weather()).isEmpty();
        assertThat(spec.terrain()).containsExactly(Terrain.HILLS);
        assertThat(spec.palette()).isEqualTo(Palette.NATURAL);
        assertThat(spec.camera()).isEqualTo(Camera.DRIFT);
    }

    @Test
    void theFirstTimeOfDayWinsAndTheNegativePromptRemovesWords() {
        var spec = PromptVocabulary.parse("night then dawn, rain and snow", "rain");
        assertThat(spec.time()).isEqualTo(TimeOfDay.NIGHT);
        assertThat(spec.weather()).containsExactly(Weather.SNOW);
    }

    @Test
    void theVocabularyHasAtLeastTwentyWords() {
        int words = PromptVocabulary.TIME.size() + PromptVocabulary.WEATHER.size() + PromptVocabulary.TERRAIN.size()
                + PromptVocabulary.PALETTE.size() + PromptVocabulary.CAMERA.size();
        assertThat(words).isGreaterThanOrEqualTo(20);
    }
}
