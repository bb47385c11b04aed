package studio.dailies.production;

/** Things that move a shot through its workflow. Views ask for these; they never set a status. */
public enum ShotAction {
    START_GENERATION("start generating", "start generating a shot"),
    VARIANTS_READY("receive new variants", "report new variants of a shot"),
    /** Every job of the shot ended and none made a take: back to planned. */
    NOTHING_GENERATED("end generating without takes", "end a shot's generation"),
    APPROVE("approve", "approve a shot"),
    REQUEST_CHANGES("request changes", "request changes on a shot"),
    REOPEN("reopen", "reopen a shot"),
    PUT_ON_HOLD("be put on hold", "put a shot on hold"),
    OMIT("be omitted", "omit a shot"),
    /** Takes a held or omitted shot back to the status it had before. */
    RESUME("be taken back", "take a shot back");

    private final String verb;
    private final String deed;

    ShotAction(String verb, String deed) {
        this.verb = verb;
        this.deed = deed;
    }

    /** What the shot does: "a shot that is approved cannot {verb}". */
    public String verb() {
        return verb;
    }

    /** What a person does: "an artist may not {deed}". */
    public String deed() {
        return deed;
    }

    /** The producer's own moves: hold and omit (with a reason), and taking a shot back. */
    public boolean isPlanning() {
        return this == PUT_ON_HOLD || this == OMIT || this == RESUME;
    }
}
