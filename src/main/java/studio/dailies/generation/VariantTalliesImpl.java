package studio.dailies.generation;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.Predicate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The fragment behind {@link VariantRepository#tally}: one {@code group by shot_id} query whose
 * "newer" sum tests each shot against its own moment, served by the (shot_id, created_at) index.
 */
class VariantTalliesImpl implements VariantTallies {

    private final EntityManager entityManager;

    VariantTalliesImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Map<Long, VariantTally> tally(Collection<Long> shotIds, Map<Long, Instant> newerThan) {
        if (shotIds.isEmpty()) {
            return Map.of();
        }
        var cb = entityManager.getCriteriaBuilder();
        var query = cb.createTupleQuery();
        var variant = query.from(Variant.class);
        var shotId = variant.<Long>get("shotId");
        var createdAt = variant.<Instant>get("createdAt");

        var newer = new ArrayList<Predicate>();
        var neverSeen = shotIds.stream().filter(id -> !newerThan.containsKey(id)).distinct().toList();
        if (!neverSeen.isEmpty()) {
            newer.add(shotId.in(neverSeen));
        }
        newerThan.forEach((id, since) -> {
            if (shotIds.contains(id)) {
                newer.add(cb.and(cb.equal(shotId, id), cb.greaterThan(createdAt, since)));
            }
        });
        var isNewer = newer.isEmpty() ? cb.disjunction() : cb.or(newer.toArray(Predicate[]::new));

        query.multiselect(shotId, cb.count(variant), cb.sum(cb.<Integer>selectCase().when(isNewer, 1).otherwise(0)))
                .where(shotId.in(shotIds))
                .groupBy(shotId);
        var tallies = new HashMap<Long, VariantTally>();
        for (Tuple row : entityManager.createQuery(query).getResultList()) {
            tallies.put(row.get(0, Long.class), new VariantTally(((Number) row.get(1)).longValue(),
                    row.get(2) == null ? 0 : ((Number) row.get(2)).longValue()));
        }
        return tallies;
    }
}
