package studio.dailies.generation;

/** Which model made a variant, exactly: id, version and the SHA-256 of its weights. */
public record ModelProvenance(String modelId, String version, String weightsSha256) {
}
