package studio.dailies.production;

/** An episode to choose in a menu: what its label needs, without the counts of its shots. */
public record EpisodeChoice(long id, int number, String title) {

    public String label() {
        return "EP%02d · %s".formatted(number, title);
    }
}
