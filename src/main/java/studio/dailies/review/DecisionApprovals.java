package studio.dailies.review;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.production.ApprovalRecords;
import studio.dailies.security.UserDirectory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The manifest's approver and approval time, from the approving decisions (one query, then one for the names). */
@Component
class DecisionApprovals implements ApprovalRecords {

    private final DecisionRepository decisions;
    private final UserDirectory people;

    DecisionApprovals(DecisionRepository decisions, UserDirectory people) {
        this.decisions = decisions;
        this.people = people;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Approval> latestApprovals(Collection<Long> variantIds) {
        if (variantIds.isEmpty()) {
            return Map.of();
        }
        var latest = new HashMap<Long, Decision>();
        for (var decision : decisions.findByVariantIdInAndVerdictOrderByDecidedAtDescIdDesc(variantIds,
                Verdict.APPROVED)) {
            latest.putIfAbsent(decision.variantId(), decision);
        }
        var names = people.displayNames(latest.values().stream().map(Decision::decidedBy).distinct().toList());
        var approvals = new HashMap<Long, Approval>();
        latest.forEach((variant, decision) -> approvals.put(variant,
                new Approval(names.getOrDefault(decision.decidedBy(), "user " + decision.decidedBy()),
                        decision.decidedAt())));
        return approvals;
    }
}
