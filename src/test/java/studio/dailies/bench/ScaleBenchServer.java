package studio.dailies.bench;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import studio.dailies.DailiesApplication;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * The application under test of {@link ScaleBenchmark}, in a JVM of its own: on a database seeded by
 * {@code bench/seed-large.sh} (show BIG) or, on an empty folder, the demo show with its 19 first jobs left queued (the
 * executor is off on both). Prints the wall and CPU time of every Vaadin request ({@link CpuTiming}), then
 * {@code READY port showId firstEpisodeId queuedJobs} for the largest show, and runs until its standard input closes.
 * Arguments: data directory, then {@code production} or {@code development}.
 */
final class ScaleBenchServer {

    private ScaleBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[0]);
        boolean production = !"development".equals(args[1]);
        try (var app = new SpringApplicationBuilder(DailiesApplication.class, CpuTiming.class).run(
                "--server.port=0", "--dailies.bench.timing=true", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db"),
                "--dailies.media.root=" + dir.resolve("media"), "--dailies.delivery.root=" + dir.resolve("deliveries"),
                "--dailies.demo.queue-generation=true", "--dailies.executor.enabled=false",
                "--logging.level.root=warn", "--vaadin.productionMode=" + production)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            var jdbc = app.getBean(JdbcTemplate.class);
            long show = jdbc.queryForObject("""
                    select e.show_id from episodes e join shots s on s.episode_id = e.id
                    group by e.show_id order by count(*) desc, e.show_id fetch first 1 row only""", Long.class);
            long episode = jdbc.queryForObject("select id from episodes where show_id = ? order by number fetch first 1 row only",
                    Long.class, show);
            long queued = jdbc.queryForObject("select count(*) from generation_jobs where state = 'QUEUED'", Long.class);
            System.out.printf("READY %d %d %d %d%n", port, show, episode, queued);
            System.out.flush();
            while (System.in.read() >= 0) {
                // the benchmark closes our input when it is done
            }
        }
    }

    /**
     * Prints {@code TIMING <wall micros> <cpu micros> <request kind>} for every Vaadin request. The CPU time is the
     * request thread's own (H2 is embedded, so the database work runs on it too): the work the page costs, which the
     * neighbours on a shared machine stretch in wall time but do not change.
     */
    @Configuration
    // Test classes are on the test runs' classpath and scanned with the application: only the bench servers time.
    @ConditionalOnProperty(name = "dailies.bench.timing", havingValue = "true")
    static class CpuTiming {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        OncePerRequestFilter requestCpuTiming() {
            var threads = ManagementFactory.getThreadMXBean();
            return new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                        throws ServletException, IOException {
                    var kind = request.getParameter("v-r");
                    long started = System.nanoTime();
                    long cpu = threads.getCurrentThreadCpuTime();
                    try {
                        chain.doFilter(request, response);
                    } finally {
                        if (kind != null) {
                            System.out.printf("TIMING %d %d %s%n", (System.nanoTime() - started) / 1000,
                                    (threads.getCurrentThreadCpuTime() - cpu) / 1000, kind);
                        }
                    }
                }
            };
        }
    }
}
