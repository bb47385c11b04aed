package studio.dailies.generation;

public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED
}
