package studio.dailies.review;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface DecisionRepository extends JpaRepository<Decision, Long> {

    List<Decision> findByShotIdOrderByDecidedAtDescIdDesc(long shotId);

    List<Decision> findByShotIdInOrderByDecidedAtDescIdDesc(java.util.Collection<Long> shotIds);

    List<Decision> findByVariantIdInAndVerdictOrderByDecidedAtDescIdDesc(java.util.Collection<Long> variantIds,
                                                                        Verdict verdict);
}
