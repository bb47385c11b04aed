package studio.dailies.notes;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A note pinned to a frame range of a take, with an optional drawing; replies point to their thread's first
 * note (the root) and share its take and frames. Only the author edits or deletes a note, and a deletion is
 * soft: the row stays for the thread and the audit trail, its text is no longer shown.
 */
@Entity
@Table(name = "frame_notes")
class FrameNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long variantId;
    private long shotId;
    private @Nullable Long parentId;
    private int frameStart;
    private int frameEnd;
    private String body;
    /** Vector strokes in frame coordinates, as canonical JSON (see {@link Drawing}). */
    private @Nullable String drawingJson;
    private long authorId;
    private boolean resolved;
    private @Nullable Long resolvedBy;
    private @Nullable Instant resolvedAt;
    private @Nullable Long answeredByVariantId;
    private Instant createdAt;
    private @Nullable Instant editedAt;
    private @Nullable Instant deletedAt;
    private @Nullable Long deletedBy;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "note_mentions", joinColumns = @JoinColumn(name = "note_id"))
    @Column(name = "user_id")
    private Set<Long> mentionedUserIds = new HashSet<>();

    protected FrameNote() {
        this.body = "";
        this.createdAt = Instant.EPOCH;
    }

    /** A new thread's first note. */
    FrameNote(long variantId, long shotId, int frameStart, int frameEnd, String body, @Nullable String drawingJson,
              long authorId, Set<Long> mentions, Instant createdAt) {
        this.variantId = variantId;
        this.shotId = shotId;
        this.frameStart = frameStart;
        this.frameEnd = frameEnd;
        this.body = body;
        this.drawingJson = drawingJson;
        this.authorId = authorId;
        this.mentionedUserIds.addAll(mentions);
        this.createdAt = createdAt;
    }

    /** A reply in the thread of {@code root}: same take, same frames. */
    static FrameNote replyTo(FrameNote root, String body, long authorId, Set<Long> mentions, Instant createdAt) {
        var reply = new FrameNote(root.variantId, root.shotId, root.frameStart, root.frameEnd, body, null, authorId,
                mentions, createdAt);
        reply.parentId = root.id();
        return reply;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("note is not saved yet");
        }
        return id;
    }

    long variantId() { return variantId; }
    long shotId() { return shotId; }
    @Nullable Long parentId() { return parentId; }
    boolean isRoot() { return parentId == null; }
    int frameStart() { return frameStart; }
    int frameEnd() { return frameEnd; }
    String body() { return body; }
    @Nullable String drawingJson() { return drawingJson; }
    long authorId() { return authorId; }
    boolean resolved() { return resolved; }
    @Nullable Long resolvedBy() { return resolvedBy; }
    @Nullable Instant resolvedAt() { return resolvedAt; }
    @Nullable Long answeredByVariantId() { return answeredByVariantId; }
    Instant createdAt() { return createdAt; }
    @Nullable Instant editedAt() { return editedAt; }
    boolean deleted() { return deletedAt != null; }
    @Nullable Instant deletedAt() { return deletedAt; }
    long version() { return version; }
    Set<Long> mentionedUserIds() { return mentionedUserIds; }

    void edit(String newBody, Set<Long> mentions, Instant at) {
        this.body = newBody;
        this.mentionedUserIds.clear();
        this.mentionedUserIds.addAll(mentions);
        this.editedAt = at;
    }

    void delete(long userId, Instant at) {
        this.deletedAt = at;
        this.deletedBy = userId;
    }

    void resolve(long userId, @Nullable Long answeredBy, Instant at) {
        this.resolved = true;
        this.resolvedBy = userId;
        this.resolvedAt = at;
        this.answeredByVariantId = answeredBy;
    }

    void reopen() {
        this.resolved = false;
        this.resolvedBy = null;
        this.resolvedAt = null;
        this.answeredByVariantId = null;
    }
}
