package studio.dailies.review;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;

/** How many decisions one director made on one day in one episode: the dashboard's summary of {@link Decision}s. */
@Entity
@Table(name = "decision_days")
@IdClass(DecisionDay.Key.class)
class DecisionDay {

    record Key(long episodeId, long directorId, LocalDate decidedOn) implements Serializable {
        @SuppressWarnings("unused") // JPA makes keys through a constructor without arguments
        Key() {
            this(0, 0, LocalDate.EPOCH);
        }
    }

    @Id
    private long episodeId;
    @Id
    private long directorId;
    @Id
    private LocalDate decidedOn;
    private long showId;
    private int decisions;

    protected DecisionDay() {
        this.decidedOn = LocalDate.EPOCH;
    }

    DecisionDay(long episodeId, long directorId, LocalDate decidedOn, long showId) {
        this.episodeId = episodeId;
        this.directorId = directorId;
        this.decidedOn = decidedOn;
        this.showId = showId;
        this.decisions = 1;
    }
}
