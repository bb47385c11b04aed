package studio.dailies.notes;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface FrameNoteRepository extends JpaRepository<FrameNote, Long> {

    List<FrameNote> findByVariantIdOrderByFrameStartAscCreatedAtAsc(long variantId);
}
