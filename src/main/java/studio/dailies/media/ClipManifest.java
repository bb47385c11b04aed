package studio.dailies.media;

import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;

/** {@code manifest.json}: what the player needs before it loads the frames. */
record ClipManifest(int width, int height, int frameCount) {

    static final String FILE_NAME = "manifest.json";

    // Its own mapper, not the application's: the stored format must not change with web settings.
    private static final JsonMapper JSON = JsonMapper.builder().build();

    void writeTo(Path file) {
        JSON.writeValue(file.toFile(), this);
    }

    static ClipManifest readFrom(Path file) {
        return JSON.readValue(file.toFile(), ClipManifest.class);
    }
}
