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
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A note pinned to a frame range of a variant, with an optional drawing; replies point to their parent. */
@Entity
@Table(name = "frame_notes")
class FrameNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long variantId;
    private @Nullable Long parentId;
    private int frameStart;
    private int frameEnd;
    private String body;
    /** Vector strokes in frame coordinates, as JSON. */
    private @Nullable String drawingJson;
    private long authorId;
    private boolean resolved;
    private @Nullable Long resolvedBy;
    private @Nullable Instant resolvedAt;
    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "note_mentions", joinColumns = @JoinColumn(name = "note_id"))
    @Column(name = "user_id")
    private Set<Long> mentionedUserIds = new HashSet<>();

    protected FrameNote() {
        this.body = "";
        this.createdAt = Instant.EPOCH;
    }

    FrameNote(long variantId, @Nullable Long parentId, int frameStart, int frameEnd, String body,
              @Nullable String drawingJson, long authorId, Set<Long> mentions, Instant createdAt) {
        this.variantId = variantId;
        this.parentId = parentId;
        this.frameStart = frameStart;
        this.frameEnd = frameEnd;
        this.body = body;
        this.drawingJson = drawingJson;
        this.authorId = authorId;
        this.mentionedUserIds.addAll(mentions);
        this.createdAt = createdAt;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("note is not saved yet");
        }
        return id;
    }

    long variantId() { return variantId; }
    String body() { return body; }
    boolean resolved() { return resolved; }
    Set<Long> mentionedUserIds() { return mentionedUserIds; }

    void resolve(long userId, Instant at) {
        this.resolved = true;
        this.resolvedBy = userId;
        this.resolvedAt = at;
    }
}
