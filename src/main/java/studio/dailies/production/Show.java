package studio.dailies.production;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

@Entity
@Table(name = "shows")
class Show {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String code;
    private String name;
    private String defaultModelId;
    private String stylePrompt;
    private String negativePrompt;
    private int width;
    private int height;
    private int fps;
    private int frameCount;
    private Instant createdAt;
    private @Nullable Instant archivedAt;

    @Version
    private long version;

    protected Show() {
        this("", "", new ShowLook("", "", "", 640, 360, 24, 48), Instant.EPOCH);
    }

    Show(String code, String name, ShowLook look, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.createdAt = createdAt;
        this.defaultModelId = "";
        this.stylePrompt = "";
        this.negativePrompt = "";
        changeLook(look);
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("show is not saved yet");
        }
        return id;
    }

    String name() {
        return name;
    }

    String modelId() {
        return defaultModelId;
    }

    String code() {
        return code;
    }

    long version() {
        return version;
    }

    boolean archived() {
        return archivedAt != null;
    }

    void changeModel(String modelId) {
        this.defaultModelId = modelId;
    }

    void apply(ShowDraft draft) {
        this.code = draft.code();
        this.name = draft.name();
        changeLook(draft.look());
    }

    private void changeLook(ShowLook look) {
        this.defaultModelId = look.modelId();
        this.stylePrompt = look.stylePrompt();
        this.negativePrompt = look.negativePrompt();
        this.width = look.width();
        this.height = look.height();
        this.fps = look.fps();
        this.frameCount = look.frameCount();
    }

    void archive(Instant when) {
        this.archivedAt = when;
    }

    void unarchive() {
        this.archivedAt = null;
    }

    ShowSummary toSummary() {
        return new ShowSummary(id(), code, name,
                new ShowLook(defaultModelId, stylePrompt, negativePrompt, width, height, fps, frameCount), archivedAt,
                version);
    }
}
