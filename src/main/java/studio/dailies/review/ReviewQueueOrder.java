package studio.dailies.review;

import org.springframework.data.domain.Sort;

import static org.springframework.data.domain.Sort.Order.asc;

/** How a director's review queue is ordered. The sorts name properties of production's shots. */
public enum ReviewQueueOrder {

    /** The shot that has waited longest first. */
    OLDEST_WAITING("Oldest waiting first", Sort.by(asc("inReviewSince").nullsLast())),
    /** The shot due soonest first; shots without a due date last, each group longest waiting first. */
    DUE_DATE("By due date", Sort.by(asc("dueDate").nullsLast(), asc("inReviewSince").nullsLast()));

    private final String label;
    private final Sort sort;

    ReviewQueueOrder(String label, Sort sort) {
        this.label = label;
        this.sort = sort;
    }

    public String label() {
        return label;
    }

    Sort sort() {
        return sort;
    }
}
