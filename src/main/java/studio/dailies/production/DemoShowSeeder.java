package studio.dailies.production;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import studio.dailies.security.NewUser;
import studio.dailies.security.Role;
import studio.dailies.security.SystemUser;
import studio.dailies.security.UserAdminService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seeds "Paper Lanterns" with its crew on the first start, into an empty database only, in one
 * transaction: a half-seeded show never survives a crash. Goes through the services, so the
 * demo obeys the same rules as a producer would.
 */
@Component
@Order(10)
class DemoShowSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoShowSeeder.class);

    /** Username, name, role and password of the demo crew; README lists the same. */
    record DemoUser(String username, String displayName, Role role, String password) {
    }

    static final List<DemoUser> CREW = List.of(
            new DemoUser("director", "Mira Okafor", Role.DIRECTOR, "director-demo"),
            new DemoUser("artist", "Theo Lindqvist", Role.ARTIST, "artist-demo1"),
            new DemoUser("artist2", "Ines Duarte", Role.ARTIST, "artist2-demo"),
            new DemoUser("producer", "Priya Raman", Role.PRODUCER, "producer-demo"),
            new DemoUser("admin", "Sam Whitaker", Role.ADMIN, "admin-demo1"));

    private record DemoShot(String code, String description, String prompt, int dueInDays, String assignee) {
    }

    private final DemoProperties properties;
    private final ShowRepository shows;
    private final EpisodeService episodes;
    private final ShotService shotService;
    private final UserAdminService users;
    private final ShotGenerationService generation;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoShowSeeder(DemoProperties properties, ShowRepository shows, EpisodeService episodes, ShotService shotService,
                   UserAdminService users, ShotGenerationService generation, TransactionTemplate transaction,
                   Clock clock) {
        this.generation = generation;
        this.properties = properties;
        this.shows = shows;
        this.episodes = episodes;
        this.shotService = shotService;
        this.users = users;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        SystemUser.run(() -> transaction.executeWithoutResult(status -> {
            if (shows.count() > 0 || users.list("", org.springframework.data.domain.Pageable.ofSize(1)).getTotalElements() > 0) {
                log.info("Database already has data; demo show not seeded");
                return;
            }
            seed();
        }));
    }

    private void seed() {
        var look = new ShowLook("procedural", "hand-painted storybook, soft paper texture, warm lantern light",
                "text, watermark, blurry", 640, 360, 24, 36);
        var show = shows.save(new Show("PLN", "Paper Lanterns", look, clock.instant()));
        var ids = new HashMap<String, Long>();
        for (var user : CREW) {
            ids.put(user.username(), users.create(new NewUser(user.username(), user.displayName(), user.role(),
                    user.password(), Set.of(show.id()))));
        }
        var today = LocalDate.now(clock);
        long ep1 = episodes.create(show.id(), new EpisodeDraft(1, "The Lantern Maker", today.plusDays(21)));
        long ep2 = episodes.create(show.id(), new EpisodeDraft(2, "River of Lights", today.plusDays(49)));
        addShots(ep1, 1, EPISODE_ONE, ids, today);
        addShots(ep2, 2, EPISODE_TWO, ids, today);
        if (properties.queueGeneration()) {
            queueFirstTakes(ep1, show.toSummary().look().negativePrompt());
            queueFirstTakes(ep2, show.toSummary().look().negativePrompt());
        }
        log.info("Seeded demo show 'Paper Lanterns' with {} shots and {} users",
                EPISODE_ONE.size() + EPISODE_TWO.size(), CREW.size());
    }

    /** The first takes of every demo shot; fixed seeds, so every newcomer sees the same demo. */
    private void queueFirstTakes(long episodeId, String negativePrompt) {
        for (var shot : shotService.board(episodeId, ShotFilter.NONE, org.springframework.data.domain.Pageable.ofSize(50))) {
            generation.generate(shot.id(), new GenerationRequest(shot.basePrompt(), negativePrompt, 1000 + shot.id() * 10,
                    properties.variantsPerShot(), 30, null));
        }
    }

    private void addShots(long episodeId, int number, List<DemoShot> demoShots, Map<String, Long> ids, LocalDate today) {
        for (var shot : demoShots) {
            shotService.create(episodeId, new ShotDraft("EP%02d_%s".formatted(number, shot.code()), shot.description(),
                    shot.prompt(), 36, 24, ids.get(shot.assignee()), today.plusDays(shot.dueInDays())));
        }
    }

    /** Every demo shot's prompt, episode one first: what a newcomer's first takes are made of. */
    static List<String> demoPrompts() {
        return java.util.stream.Stream.concat(EPISODE_ONE.stream(), EPISODE_TWO.stream()).map(DemoShot::prompt).toList();
    }

    private static final List<DemoShot> EPISODE_ONE = List.of(
            new DemoShot("SH010", "Establishing: the village wakes beneath the mountains",
                    "dawn over misty mountains, a paper-lantern village in the valley, warm light, slow pan", 5, "artist"),
            new DemoShot("SH020", "The lantern maker's workshop window",
                    "warm sunset light through a workshop window, hills beyond, pastel palette, static camera", 6, "artist"),
            new DemoShot("SH030", "First lantern lifts into the sky",
                    "night sky over the hills, a single glowing lantern rising, stars, slow zoom", 8, "artist2"),
            new DemoShot("SH040", "Rain on the rooftops",
                    "rain over a city of paper rooftops at night, cold palette, dolly forward", 9, "artist2"),
            new DemoShot("SH050", "Market street at noon",
                    "noon sun over a bustling desert market town, warm palette, pan right", 11, "artist"),
            new DemoShot("SH060", "Fog rolls through the forest path",
                    "fog drifting through a forest at dawn, monochrome mood, static camera", 12, "artist2"),
            new DemoShot("SH070", "Storm over the sea wall",
                    "storm over the sea, dark clouds, heavy rain, cold palette, slow zoom", 14, "artist"),
            new DemoShot("SH080", "Snow settles on the lantern racks",
                    "snow falling on quiet hills at night, pastel lanterns glowing, slow pan", 15, "artist2"),
            new DemoShot("SH090", "Neon festival lights the harbour",
                    "neon festival lights over the city harbour at night, sea reflections, dolly", 17, "artist"),
            new DemoShot("SH100", "Closing: lanterns drift over the mountains",
                    "sunset over the mountains, hundreds of lanterns drifting, warm palette, slow zoom out", 19, "artist2"));

    private static final List<DemoShot> EPISODE_TWO = List.of(
            new DemoShot("SH010", "The river at first light",
                    "dawn over a wide river between hills, fog, pastel palette, slow pan", 28, "artist"),
            new DemoShot("SH020", "Boats of paper set out",
                    "noon light on the sea, small paper boats drifting, warm palette, static camera", 30, "artist2"),
            new DemoShot("SH030", "Desert crossing",
                    "desert dunes at sunset, long shadows, warm palette, pan left", 32, "artist"),
            new DemoShot("SH040", "The forest of hanging lights",
                    "night in a deep forest, hanging lanterns, neon glow, dolly forward", 34, "artist2"),
            new DemoShot("SH050", "Thunder over the city",
                    "storm over the city at night, lightning, rain, cold palette, static camera", 36, "artist"),
            new DemoShot("SH060", "Snowbound mountain pass",
                    "snow storm in the mountains at dawn, monochrome, slow zoom", 38, "artist2"),
            new DemoShot("SH070", "Reflections on still water",
                    "night over a calm sea, moon and lanterns reflected, pastel palette, static camera", 41, "artist"),
            new DemoShot("SH080", "Fog lifts from the hills",
                    "fog over rolling hills at noon, soft light, pan right", 43, "artist2"),
            new DemoShot("SH090", "The river of lights",
                    "sunset over the river, thousands of lanterns on the water, warm palette, dolly", 46, "artist"));
}
