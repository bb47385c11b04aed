package studio.dailies.generation;

import org.springframework.security.access.prepost.PreAuthorize;
import studio.dailies.base.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of generated variants. Generation knows shots only by id, so the per-show check is the
 * caller's: production's shot services check membership before they ask here.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class VariantCatalog {

    private final VariantRepository variants;

    VariantCatalog(VariantRepository variants) {
        this.variants = variants;
    }

    @Transactional(readOnly = true)
    public List<VariantSummary> variantsOfShot(long shotId) {
        return variants.findByShotIdOrderByCreatedAt(shotId).stream().map(Variant::toSummary).toList();
    }

    @Transactional(readOnly = true)
    public VariantSummary get(long variantId) {
        return variants.findById(variantId).map(Variant::toSummary)
                .orElseThrow(() -> new NotFoundException("No variant with id " + variantId));
    }

    @Transactional(readOnly = true)
    public long countOfShot(long shotId) {
        return variants.countByShotId(shotId);
    }

    /**
     * For a page of shots, in one query: each shot's variant count, and how many of its variants were
     * created after the shot's moment in {@code newerThan} (all of them when it has none, e.g. never seen).
     * Every shot asked about is in the result; one without variants has {@link VariantTally#NONE}.
     */
    @Transactional(readOnly = true)
    public Map<Long, VariantTally> tally(Collection<Long> shotIds, Map<Long, Instant> newerThan) {
        var found = variants.tally(shotIds, newerThan);
        var result = new HashMap<Long, VariantTally>();
        shotIds.forEach(id -> result.put(id, found.getOrDefault(id, VariantTally.NONE)));
        return result;
    }
}
