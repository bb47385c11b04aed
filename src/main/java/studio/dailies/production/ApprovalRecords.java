package studio.dailies.production;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Who approved each take and when, for the editorial manifest. Decisions belong to review, which sits above
 * production (DESIGN §3), so production declares what it needs and review provides it (as {@link DecisionCounts}).
 */
public interface ApprovalRecords {

    record Approval(String approver, Instant approvedAt) {
    }

    /** The latest approval of each of these takes that has one, in one query; the caller has checked access. */
    Map<Long, Approval> latestApprovals(Collection<Long> variantIds);
}
