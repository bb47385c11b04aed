package studio.dailies.bench;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import studio.dailies.DailiesApplication;
import studio.dailies.generation.QueueControl;
import studio.dailies.production.BoardService;
import studio.dailies.production.DashboardService;
import studio.dailies.production.EpisodeService;
import studio.dailies.production.ShotFilter;
import studio.dailies.production.ShotService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import studio.dailies.live.LiveUpdates;
import studio.dailies.live.ShotChange;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The service calls behind the board's first page, the dashboard and the queue page, timed in-process on a seeded
 * database without a browser (the part of {@link ScaleBenchmark}'s server time that reads the database): to find which
 * read is slow. Hibernate logs every statement slower than {@code slow-ms} (default 10 ms).
 * Run with {@code bench/run-main.sh studio.dailies.bench.ScaleServiceTimings FOLDER [runs] [slow-ms]}.
 */
final class ScaleServiceTimings {

    private ScaleServiceTimings() {
    }

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String slow = args.length > 2 ? args[2] : "10";
        try (var app = new SpringApplicationBuilder(DailiesApplication.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db"),
                "--dailies.media.root=" + dir.resolve("media"), "--dailies.delivery.root=" + dir.resolve("deliveries"),
                "--dailies.demo.queue-generation=true", "--dailies.executor.enabled=false",
                "--logging.level.root=warn", "--vaadin.productionMode=true",
                "--spring.jpa.properties.hibernate.log_slow_query=" + slow,
                "--logging.level.org.hibernate.SQL_SLOW=info")) {
            var jdbc = app.getBean(JdbcTemplate.class);
            long show = jdbc.queryForObject("""
                    select e.show_id from episodes e join shots s on s.episode_id = e.id
                    group by e.show_id order by count(*) desc, e.show_id fetch first 1 row only""", Long.class);
            long episode = jdbc.queryForObject("select id from episodes where show_id = ? order by number fetch first 1 row only",
                    Long.class, show);
            var principal = app.getBean(UserDetailsService.class).loadUserByUsername("producer");
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
            var board = app.getBean(BoardService.class);
            var episodes = app.getBean(EpisodeService.class);
            var shots = app.getBean(ShotService.class);
            var dashboards = app.getBean(DashboardService.class);
            var queue = app.getBean(QueueControl.class);
            var calls = new LinkedHashMap<String, Supplier<Object>>();
            calls.put("board: episode + crew", () -> List.of(episodes.get(episode), shots.assignableFor(episode)));
            calls.put("board: first page", () -> board.page(episode, ShotFilter.NONE, PageRequest.of(0, 50)));
            calls.put("board: status counts", () -> board.countsByStatus(episode, ShotFilter.NONE));
            var live = app.getBean(LiveUpdates.class);
            long aShot = jdbc.queryForObject("select min(id) from shots where episode_id = ?", Long.class, episode);
            // Dashboards are kept until a change they count: "after a change" is the read every open dashboard
            // makes when something changed, "again" the open that finds the kept copy.
            calls.put("dashboard: show, after a change", () -> {
                live.publish(new ShotChange(aShot, ShotChange.Kind.STATUS));
                return dashboards.dashboard(show, null);
            });
            calls.put("dashboard: show, again", () -> dashboards.dashboard(show, null));
            calls.put("dashboard: episode, after a change", () -> {
                live.publish(new ShotChange(aShot, ShotChange.Kind.STATUS));
                return dashboards.dashboard(show, episode);
            });
            calls.put("queue: state", queue::state);
            calls.put("queue: first page", () -> queue.jobs(PageRequest.of(0, 50)));
            var samples = new LinkedHashMap<String, List<Double>>();
            for (int i = 0; i < 5 + runs; i++) {
                for (Map.Entry<String, Supplier<Object>> call : calls.entrySet()) {
                    long started = System.nanoTime();
                    call.getValue().get();
                    double ms = (System.nanoTime() - started) / 1e6;
                    if (i >= 5) {
                        samples.computeIfAbsent(call.getKey(), k -> new ArrayList<>()).add(ms);
                    }
                }
            }
            System.out.printf("show %d, episode %d; %d runs; load average %s%n", show, episode, runs,
                    java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
            samples.forEach((name, ms) -> {
                var sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf("%-36s p50 %7.1f ms  p95 %7.1f ms%n", name, sorted[sorted.length / 2],
                        sorted[(int) Math.ceil(sorted.length * 0.95) - 1]);
            });
        }
    }
}
