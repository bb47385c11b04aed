package studio.dailies.production;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "episodes")
class Episode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long showId;
    private int number;
    private String title;
    private @Nullable LocalDate dueDate;
    private int position;
    private Instant createdAt;

    @Version
    private long version;

    protected Episode() {
        this.title = "";
        this.createdAt = Instant.EPOCH;
    }

    Episode(long showId, int position, Instant createdAt) {
        this.showId = showId;
        this.position = position;
        this.title = "";
        this.createdAt = createdAt;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("episode is not saved yet");
        }
        return id;
    }

    long showId() { return showId; }
    int number() { return number; }
    String title() { return title; }
    @Nullable LocalDate dueDate() { return dueDate; }
    int position() { return position; }
    long version() { return version; }

    void apply(EpisodeDraft draft) {
        this.number = draft.number() == null ? 0 : draft.number();
        this.title = draft.title().trim();
        this.dueDate = draft.dueDate();
    }

    void moveTo(int position) {
        this.position = position;
    }
}
