package studio.dailies.generation.procedural;

import org.junit.jupiter.api.Test;
import studio.dailies.generation.procedural.SceneSpec.CameraMove;
import studio.dailies.generation.procedural.SceneSpec.Count;
import studio.dailies.generation.procedural.SceneSpec.Feature;
import studio.dailies.generation.procedural.SceneSpec.Lanterns;
import studio.dailies.generation.procedural.SceneSpec.Motion;
import studio.dailies.generation.procedural.SceneSpec.Move;
import studio.dailies.generation.procedural.SceneSpec.Palette;
import studio.dailies.generation.procedural.SceneSpec.Place;
import studio.dailies.generation.procedural.SceneSpec.Placement;
import studio.dailies.generation.procedural.SceneSpec.Terrain;
import studio.dailies.generation.procedural.SceneSpec.TimeOfDay;
import studio.dailies.generation.procedural.SceneSpec.Weather;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PromptVocabularyTest {

    @Test
    void aLanternVillagePromptIsReadIntoItsParts() {
        var spec = PromptVocabulary.parse(
                "dawn over misty mountains, a paper-lantern village in the valley, warm light, slow pan", "");
        assertThat(spec.time()).isEqualTo(TimeOfDay.DAWN);
        assertThat(spec.weather()).containsExactly(Weather.FOG);
        assertThat(spec.terrain()).containsExactly(Terrain.MOUNTAINS);
        assertThat(spec.places()).containsExactly(Place.VILLAGE);
        assertThat(spec.lanterns()).isEqualTo(new Lanterns(Count.SOME, Placement.HANGING));
        assertThat(spec.features()).contains(Feature.PAPER, Feature.VALLEY);
        assertThat(spec.palette()).isEqualTo(Palette.WARM);
        assertThat(spec.camera()).isEqualTo(new CameraMove(Move.PAN, 0, 0.6f));
    }

    @Test
    void aSingleRisingLanternIsOneLanternInTheSky() {
        var spec = PromptVocabulary.parse("night sky over the hills, a single glowing lantern rising, stars, slow zoom", "");
        assertThat(spec.lanterns()).isEqualTo(new Lanterns(Count.ONE, Placement.SKY));
        assertThat(spec.motion()).containsExactly(Motion.RISING);
        assertThat(spec.features()).contains(Feature.GLOW, Feature.STARS);
        assertThat(spec.camera()).isEqualTo(new CameraMove(Move.ZOOM, 0, 0.6f));
    }

    @Test
    void countsAndPlacesOfLanternsAndBoats() {
        assertThat(PromptVocabulary.parse("sunset over the river, thousands of lanterns on the water, dolly", "").lanterns())
                .isEqualTo(new Lanterns(Count.THOUSANDS, Placement.WATER));
        assertThat(PromptVocabulary.parse("night in a deep forest, hanging lanterns", "").lanterns())
                .isEqualTo(new Lanterns(Count.SOME, Placement.HANGING));
        assertThat(PromptVocabulary.parse("hundreds of lanterns drifting", "").lanterns().count()).isEqualTo(Count.HUNDREDS);
        assertThat(PromptVocabulary.parse("a lantern", "").lanterns().count()).isEqualTo(Count.ONE);
        var boats = PromptVocabulary.parse("noon light, small paper boats drifting, static camera", "");
        assertThat(boats.boats()).isEqualTo(Count.SOME);
        assertThat(boats.terrain()).as("boats need water").containsExactly(Terrain.SEA);
        assertThat(boats.motion()).containsExactly(Motion.DRIFTING);
        assertThat(boats.camera().move()).isEqualTo(Move.STATIC);
    }

    @Test
    void cameraDirectionsAndSpeeds() {
        assertThat(PromptVocabulary.parse("pan left", "").camera()).isEqualTo(new CameraMove(Move.PAN, -1, 1f));
        assertThat(PromptVocabulary.parse("slow zoom out", "").camera()).isEqualTo(new CameraMove(Move.ZOOM, -1, 0.6f));
        assertThat(PromptVocabulary.parse("night in a deep forest, dolly forward", "").camera())
                .as("'in' before the move is not its direction").isEqualTo(new CameraMove(Move.DOLLY, 1, 1f));
        assertThat(PromptVocabulary.parse("push in", "").camera()).isEqualTo(new CameraMove(Move.DOLLY, 1, 1f));
        assertThat(PromptVocabulary.parse("pull back", "").camera()).isEqualTo(new CameraMove(Move.DOLLY, -1, 1f));
        assertThat(PromptVocabulary.parse("fast pan right", "").camera()).isEqualTo(new CameraMove(Move.PAN, 1, 1.6f));
        assertThat(PromptVocabulary.parse("a lake", "").camera()).isEqualTo(CameraMove.AUTO);
    }

    @Test
    void stillWaterIsCalmNotALockedCamera() {
        var spec = PromptVocabulary.parse("reflections on still water", "");
        assertThat(spec.motion()).containsExactly(Motion.CALM);
        assertThat(spec.camera()).isEqualTo(CameraMove.AUTO);
        assertThat(spec.terrain()).containsExactly(Terrain.SEA);
    }

    @Test
    void aPlainPromptGetsCalmDefaults() {
        var spec = PromptVocabulary.parse("a quiet scene", "");
        assertThat(spec.time()).isEqualTo(TimeOfDay.NOON);
        assertThat(spec.weather()).isEmpty();
        assertThat(spec.terrain()).containsExactly(Terrain.HILLS);
        assertThat(spec.lanterns().any()).isFalse();
        assertThat(spec.palette()).isEqualTo(Palette.NATURAL);
        assertThat(spec.camera()).isEqualTo(CameraMove.AUTO);
    }

    @Test
    void theFirstTimeOfDayWinsAndTheMoonImpliesNight() {
        assertThat(PromptVocabulary.parse("night then dawn", "").time()).isEqualTo(TimeOfDay.NIGHT);
        assertThat(PromptVocabulary.parse("moon over a calm sea", "").time()).isEqualTo(TimeOfDay.NIGHT);
        assertThat(PromptVocabulary.parse("dawn, moon over a calm sea", "").time()).isEqualTo(TimeOfDay.DAWN);
    }

    @Test
    void theNegativePromptRemovesWords() {
        var spec = PromptVocabulary.parse("rain and snow over a village with lanterns", "rain, lanterns");
        assertThat(spec.weather()).containsExactly(Weather.SNOW);
        assertThat(spec.lanterns().any()).isFalse();
        assertThat(spec.places()).containsExactly(Place.VILLAGE);
    }

    /** The docs are the user's dictionary: every word with an effect must be listed there. */
    @Test
    void everyWordIsDocumented() throws IOException {
        var docs = Files.readString(Path.of("docs/procedural-vocabulary.md"));
        var listed = Pattern.compile("`([a-z]+)`").matcher(docs).results().map(m -> m.group(1)).toList();
        assertThat(listed).containsAll(PromptVocabulary.knownWords());
        assertThat(PromptVocabulary.knownWords()).hasSizeGreaterThan(150);
    }
}
