package studio.dailies.production;

import java.util.List;

/**
 * A producer changed these shots (status, assignee, due date). Published inside the transaction; open views hear
 * of it after commit.
 */
public record ShotsChanged(List<Long> shotIds) {
}
