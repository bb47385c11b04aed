package studio.dailies.generation;

import java.util.List;

/** A job committed its variants; listeners run after that commit (production's workflow, live views). */
public record VariantsGenerated(long jobId, long shotId, List<Long> variantIds, int variantCountOfShot) {
}
