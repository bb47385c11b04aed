package studio.dailies.activity;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActivityEventRepository extends JpaRepository<ActivityEvent, Long> {

    Page<ActivityEvent> findByTargetTypeAndTargetIdOrderByOccurredAtDesc(String targetType, long targetId, Pageable pageable);

    Page<ActivityEvent> findAllByOrderByOccurredAtDesc(Pageable pageable);
}
