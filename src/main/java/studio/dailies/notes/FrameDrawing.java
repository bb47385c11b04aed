package studio.dailies.notes;

/** A note's drawing on its take, shown whenever a frame of its range is on screen; {@code json} is canonical. */
public record FrameDrawing(long noteId, long variantId, int frameStart, int frameEnd, String json) {
}
