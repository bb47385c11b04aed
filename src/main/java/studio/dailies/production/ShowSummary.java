package studio.dailies.production;

public record ShowSummary(long id, String code, String name, ShowLook look) {
}
