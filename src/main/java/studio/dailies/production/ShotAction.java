package studio.dailies.production;

/** Things that move a shot through its workflow. Views ask for these; they never set a status. */
public enum ShotAction {
    START_GENERATION("start generating"),
    VARIANTS_READY("receive new variants"),
    APPROVE("approve"),
    REQUEST_CHANGES("request changes"),
    REOPEN("reopen");

    private final String verb;

    ShotAction(String verb) {
        this.verb = verb;
    }

    public String verb() {
        return verb;
    }
}
