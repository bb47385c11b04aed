package studio.dailies.generation;

import org.springframework.security.access.prepost.PreAuthorize;
import studio.dailies.base.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

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
}
