package studio.dailies.production;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

interface ShowRepository extends JpaRepository<Show, Long> {

    List<Show> findByIdInOrderByName(Collection<Long> ids);

    List<Show> findAllByOrderByName();
}
