package studio.dailies.security;

/** What a person does in the studio; DESIGN §2 says what each may do. */
public enum Role {
    DIRECTOR("Director"),
    ARTIST("Artist"),
    PRODUCER("Producer"),
    ADMIN("Admin");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority name that {@code hasRole(...)} matches. */
    public String authority() {
        return "ROLE_" + name();
    }
}
