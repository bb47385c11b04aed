package studio.dailies.generation;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface VariantRepository extends JpaRepository<Variant, Long>, VariantTallies {

    List<Variant> findByShotIdOrderByCreatedAt(long shotId);

    long countByShotId(long shotId);

    @org.springframework.data.jpa.repository.Query("select distinct v.mediaKey from Variant v")
    java.util.Set<String> allMediaKeys();
}
