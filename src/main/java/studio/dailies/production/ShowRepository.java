package studio.dailies.production;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

interface ShowRepository extends JpaRepository<Show, Long> {

    List<Show> findByIdInAndArchivedAtIsNullOrderByName(Collection<Long> ids);

    List<Show> findByArchivedAtIsNullOrderByName();

    List<Show> findAllByOrderByName();

    Page<Show> findByArchivedAtIsNull(Pageable pageable);

    boolean existsByCodeIgnoreCaseAndIdNot(String code, long id);
}
