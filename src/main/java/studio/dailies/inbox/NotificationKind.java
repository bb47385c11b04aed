package studio.dailies.inbox;

/** Why someone is told: the four things the inbox covers (issue 11), a finished job split by its outcome. */
public enum NotificationKind {
    MENTION, REPLY, DECISION, JOB_SUCCEEDED, JOB_FAILED
}
