package studio.dailies.inbox;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A notification as the bell lists it, with the address of the exact shot, take and frame it is about. */
public record NotificationView(long id, NotificationKind kind, String summary, Instant createdAt, boolean read,
                               long shotId, @Nullable Long variantId, @Nullable Integer frame, @Nullable Long noteId,
                               @Nullable Long jobId) {

    /** The shot page, on the take and the frame (counted from 1 in the address, as people count), and the note. */
    public String link() {
        var link = new StringBuilder("shots/").append(shotId);
        var separator = '?';
        if (variantId != null) {
            link.append(separator).append("take=").append(variantId);
            separator = '&';
        }
        if (frame != null) {
            link.append(separator).append("frame=").append(frame + 1);
            separator = '&';
        }
        if (noteId != null) {
            link.append(separator).append("note=").append(noteId);
        }
        return link.toString();
    }
}
