package studio.dailies.generation;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * Where a model stands on this node's workers: not loaded yet, loading, ready (with its digest and how long the
 * load took), or failed with the reason.
 */
public record ModelState(Status status, @Nullable String detail, @Nullable String weightsSha256,
                         @Nullable Long loadMillis, @Nullable Instant since) {

    public enum Status { NOT_LOADED, LOADING, READY, FAILED }

    static final ModelState NOT_LOADED = new ModelState(Status.NOT_LOADED, null, null, null, null);
}
