package studio.dailies.review;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

interface ReviewVisitRepository extends JpaRepository<ReviewVisit, ReviewVisit.Key> {

    List<ReviewVisit> findByUserIdAndShotIdIn(long userId, Collection<Long> shotIds);
}
