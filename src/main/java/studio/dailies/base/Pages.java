package studio.dailies.base;

import org.springframework.data.domain.Page;
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

    /**
     * The rows from {@code offset}, at most {@code limit} of them, read as whole pages of {@code limit} rows (one or
     * two): a lazy list asks for windows that need not start on a page boundary, and must get no more than it asked.
     */
    public static <T> java.util.stream.Stream<T> window(int offset, int limit,
                                                        java.util.function.Function<Pageable, Page<T>> read) {
        int size = Math.max(1, limit);
        int first = offset / size;
        int last = (offset + size - 1) / size;
        var rows = new java.util.ArrayList<T>();
        for (int page = first; page <= last; page++) {
            rows.addAll(read.apply(PageRequest.of(page, size)).getContent());
        }
        return rows.stream().skip(offset - (long) first * size).limit(limit);
    }
}
