package studio.dailies.review;

import org.jspecify.annotations.Nullable;
import studio.dailies.production.ShotDetails;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Everything the review workspace shows about one shot, read in one transaction. */
public record ShotReview(ShotDetails shot, String episodeLabel, List<ReviewedVariant> variants) {

    public Map<Long, ReviewedVariant> byId() {
        return variants.stream().collect(Collectors.toMap(ReviewedVariant::id, Function.identity()));
    }

    public @Nullable ReviewedVariant find(long variantId) {
        return variants.stream().filter(v -> v.id() == variantId).findFirst().orElse(null);
    }

    public long count(Standing standing) {
        return variants.stream().filter(v -> v.standing() == standing).count();
    }
}
