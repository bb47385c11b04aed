package studio.dailies.review;

public enum Verdict {
    APPROVED, REJECTED, REOPENED
}
