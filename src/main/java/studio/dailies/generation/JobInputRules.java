package studio.dailies.generation;

import org.springframework.stereotype.Component;
import studio.dailies.base.InputRules;
import studio.dailies.media.MediaKey;
import studio.dailies.media.StoredFrames;

/**
 * The rules of what a job starts from, beside its recipe: a vary names its parent take and a strength from 0 to 1,
 * and renders at the parent's size and length; an in-between names two stored key frames of the show, of the
 * recipe's size, and makes one take of the two keys and at least one frame between them.
 */
@Component
class JobInputRules {

    private final VariantRepository variants;
    private final StoredFrames frames;

    JobInputRules(VariantRepository variants, StoredFrames frames) {
        this.variants = variants;
        this.frames = frames;
    }

    void check(InputRules.Check check, JobRequest request, Recipe recipe) {
        switch (request.input()) {
            case JobInput.TextToClip text -> { }
            case JobInput.Vary vary -> {
                check.rejectIf(!(vary.strength() >= 0 && vary.strength() <= 1), "strength",
                        "Use a strength from 0 (keep the take) to 1 (keep only its rough layout)");
                if (request.parentVariantId() == null) {
                    check.reject("parentVariantId", "Choose the take to vary");
                } else {
                    variants.findById(request.parentVariantId()).ifPresent(parent -> {
                        var own = parent.recipe();
                        check.rejectIf(own.width() != recipe.width() || own.height() != recipe.height()
                                        || own.frameCount() != recipe.frameCount(), "parentVariantId",
                                "A varied take keeps its parent's size and length (" + own.width() + "×"
                                        + own.height() + ", " + own.frameCount() + " frames)");
                    });
                }
            }
            case JobInput.Inbetween keys -> {
                check.rejectIf(request.parentVariantId() != null, "parentVariantId",
                        "An in-between's takes are its key frames");
                check.rejectIf(request.variantCount() != 1, "variantCount", "An in-between makes one take");
                check.rejectIf(recipe.frameCount() < 3, "frameCount", "Fill at least one frame between the two keys");
                checkKey(check, "keyFrom", keys.from(), request.showId(), recipe);
                checkKey(check, "keyTo", keys.to(), request.showId(), recipe);
            }
        }
    }

    private void checkKey(InputRules.Check check, String field, KeyFrame key, long showId, Recipe recipe) {
        var media = MediaKey.parse(key.mediaKey()).filter(k -> k.showId() == showId);
        if (media.isEmpty()) {
            check.reject(field, "Not a stored frame of this show");
            return;
        }
        if (key.variantId() != null) {
            boolean matches = variants.findById(key.variantId()).map(v -> v.mediaKey().equals(key.mediaKey()))
                    .orElse(false);
            if (!matches) {
                check.reject(field, "No take #" + key.variantId() + " with these frames");
                return;
            }
        }
        var size = frames.size(media.get());
        if (size.isEmpty()) {
            check.reject(field, "The key frame's clip is not stored");
        } else if (key.frame() < 0 || key.frame() >= size.get().frames()) {
            check.reject(field, "Choose a frame from 1 to " + size.get().frames());
        } else if (size.get().width() != recipe.width() || size.get().height() != recipe.height()) {
            check.reject(field, "The key frame is " + size.get().width() + "×" + size.get().height()
                    + ", the in-between " + recipe.width() + "×" + recipe.height() + ": both keys must be one size");
        }
    }
}
