package studio.dailies.production;

/** A shot on someone's "My shots" list, with the show and episode it belongs to. */
public record AssignedShot(ShotDetails shot, String showName, int episodeNumber, String episodeTitle) {

    public String episodeCode() {
        return "EP%02d".formatted(episodeNumber);
    }
}
