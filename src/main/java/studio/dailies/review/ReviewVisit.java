package studio.dailies.review;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** When a user last looked at a shot: what the review queue's "new variants" count from. */
@Entity
@Table(name = "review_visits")
@IdClass(ReviewVisit.Key.class)
class ReviewVisit {

    record Key(long userId, long shotId) implements Serializable {
    }

    @Id
    private long userId;

    @Id
    private long shotId;

    private Instant seenAt;

    protected ReviewVisit() {
        this.seenAt = Instant.EPOCH;
    }

    ReviewVisit(long userId, long shotId, Instant seenAt) {
        this.userId = userId;
        this.shotId = shotId;
        this.seenAt = seenAt;
    }

    long shotId() { return shotId; }
    Instant seenAt() { return seenAt; }

    void seen(Instant now) {
        this.seenAt = now;
    }
}
