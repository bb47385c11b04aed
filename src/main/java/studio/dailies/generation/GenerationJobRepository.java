package studio.dailies.generation;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface GenerationJobRepository extends JpaRepository<GenerationJob, Long> {

    List<GenerationJob> findByShotIdOrderByQueuedAtDesc(long shotId);
}
