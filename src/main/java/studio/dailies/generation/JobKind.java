package studio.dailies.generation;

/** What a job makes: clips from a prompt, variations of a take, or the frames between two key frames. */
public enum JobKind {
    GENERATE,
    VARY,
    INBETWEEN
}
