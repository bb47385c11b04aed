package studio.dailies.generation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a model folder looks like on disk: every file's name, size and modification time. Cheap to take (no file
 * is read), so a worker compares it before each job and reloads a model whose folder changed.
 */
record ModelFingerprint(String value) {

    static ModelFingerprint of(Path folder) {
        var out = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (var file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.append(file.getFileName()).append(':').append(Files.size(file)).append(':')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            }
        } catch (IOException e) {
            out.append("unreadable: ").append(e.getMessage());
        }
        return new ModelFingerprint(out.toString());
    }
}
