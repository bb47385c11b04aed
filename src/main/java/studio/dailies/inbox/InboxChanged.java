package studio.dailies.inbox;

import java.util.Set;

/** These people's inboxes changed; after commit, their open bells refresh. */
record InboxChanged(Set<Long> recipients) {
}
