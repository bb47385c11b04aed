package studio.dailies.review;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A director's verdict on a variant, with who, when and why. Decisions are appended, never edited. */
@Entity
@Table(name = "decisions")
class Decision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long variantId;
    private long shotId;

    @Enumerated(EnumType.STRING)
    private Verdict verdict;

    private @Nullable String reason;
    private long decidedBy;
    private Instant decidedAt;

    protected Decision() {
        this.verdict = Verdict.REOPENED;
        this.decidedAt = Instant.EPOCH;
    }

    Decision(long variantId, long shotId, Verdict verdict, @Nullable String reason, long decidedBy, Instant decidedAt) {
        this.variantId = variantId;
        this.shotId = shotId;
        this.verdict = verdict;
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("decision is not saved yet");
        }
        return id;
    }

    Verdict verdict() { return verdict; }

    long variantId() { return variantId; }

    long shotId() { return shotId; }

    Instant decidedAt() { return decidedAt; }

    long decidedBy() { return decidedBy; }

    DecisionView toView() {
        return new DecisionView(id(), variantId, verdict, reason, decidedBy, decidedAt);
    }
    @Nullable String reason() { return reason; }
}
