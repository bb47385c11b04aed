package studio.dailies.base;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
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

    /** The largest page a window reads at once (a query for "everything" reads pages of this size). */
    static final int MAX_PAGE = 1_000;

    /**
     * The rows from {@code offset}, at most {@code limit} of them, read as whole pages of {@code limit} rows (one or
     * two, or more pages of {@link #MAX_PAGE} for a very large limit): a lazy list asks for windows that need not
     * start on a page boundary, and must get no more than it asked. Reading stops at the last page.
     */
    public static <T> java.util.stream.Stream<T> window(int offset, int limit,
                                                        java.util.function.Function<Pageable, ? extends Slice<T>> read) {
        int size = Math.min(Math.max(1, limit), MAX_PAGE);
        int first = offset / size;
        long skip = offset - (long) first * size;
        var rows = new java.util.ArrayList<T>();
        for (int page = first; rows.size() < skip + limit; page++) {
            var slice = read.apply(PageRequest.of(page, size));
            rows.addAll(slice.getContent());
            if (!slice.hasNext()) {
                break;
            }
        }
        return rows.stream().skip(skip).limit(limit);
    }
}
