package studio.dailies.base;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** Paging helpers for services. */
public final class Pages {

    private Pages() {
    }

    /**
     * The caller's sort, then the default as a tie-break, so rows never come back in arbitrary
     * database order: paging stays stable, and a reorder shows at once.
     */
    public static Pageable thenBy(Pageable pageable, Sort tieBreak) {
        var sort = pageable.getSort().and(tieBreak);
        return pageable.isPaged() ? PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort)
                : Pageable.unpaged(sort);
    }
}
