package studio.dailies.security;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsernameIgnoreCase(String username);

    boolean existsByUsernameIgnoreCase(String username);

    @Query("""
            select u from AppUser u
            where :filter = '' or lower(u.username) like concat('%', :filter, '%')
               or lower(u.displayName) like concat('%', :filter, '%')
            """)
    Page<AppUser> search(@Param("filter") String lowerCaseFilter, Pageable pageable);

    @Query("select s from AppUser u join u.showIds s where u.id = :userId")
    Set<Long> showIdsOf(@Param("userId") long userId);

    @Query("select u.id, u.displayName from AppUser u where u.id in :ids")
    List<Object[]> displayNames(@Param("ids") Collection<Long> ids);

    @Query("""
            select u from AppUser u join u.showIds s
            where s = :showId and u.enabled = true and u.role in :roles
            order by u.displayName
            """)
    List<AppUser> membersOfShow(@Param("showId") long showId, @Param("roles") Collection<Role> roles);

    long countByRoleAndEnabledTrue(Role role);

    @Query(value = "select u from AppUser u join u.showIds s where s = :showId",
           countQuery = "select count(u) from AppUser u join u.showIds s where s = :showId")
    Page<AppUser> membersPage(@Param("showId") long showId, Pageable pageable);

    @Query("""
            select u from AppUser u
            where u.enabled = true and u.role <> studio.dailies.security.Role.ADMIN
              and :showId not in (select s from AppUser m join m.showIds s where m = u)
            order by u.displayName
            """)
    List<AppUser> notMembersOf(@Param("showId") long showId);
}
