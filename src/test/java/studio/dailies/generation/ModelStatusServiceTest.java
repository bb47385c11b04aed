package studio.dailies.generation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ModelStatusServiceTest {

    @TempDir
    Path root;

    @Test
    void listsEachModelWithItsStateOnThisNodesWorkers() throws Exception {
        ModelRegistryTest.copyModel("tiny-sd", root.resolve("tiny-sd"));
        ModelRegistryTest.copyModel("tiny-interp", root.resolve("tiny-interp"));
        var broken = Files.createDirectories(root.resolve("broken"));
        Files.writeString(broken.resolve("manifest.json"), "{}");
        var states = new ModelStates(Clock.systemUTC());
        var service = new ModelStatusService(new ModelRegistry(new ModelProperties(root, false)), states,
                new ExecutorProperties(true, Duration.ofSeconds(1), Duration.ofMillis(500)));
        states.failed("tiny-interp", "interpolator.pt could not be loaded");
        states.loading("tiny-sd");

        var models = service.models();

        assertThat(models).extracting(m -> m.id(), m -> m.state().status()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("procedural", ModelState.Status.READY),
                org.assertj.core.groups.Tuple.tuple("broken", ModelState.Status.NOT_LOADED),
                org.assertj.core.groups.Tuple.tuple("tiny-interp", ModelState.Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("tiny-sd", ModelState.Status.LOADING));
        assertThat(models.get(1).available()).isFalse();
        assertThat(models.get(1).problem()).contains(broken.resolve("manifest.json").toString(), "'format'");
        assertThat(models.get(2).state().detail()).isEqualTo("interpolator.pt could not be loaded");
        assertThat(service.workersRunHere()).isTrue();
    }
}
