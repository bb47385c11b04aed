package studio.dailies;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Seeds a whole production into the database with set-based SQL ({@code INSERT … SELECT … FROM SYSTEM_RANGE}, H2),
 * after Flyway made the schema: a show with episodes × shots × takes, the jobs that made the takes (three takes a
 * job), directors' decisions (and their {@code decision_days}), frame notes in threads (one reply per take), crew
 * members of the show, and a queue of waiting jobs. Every take points at the same stored clip, so the disk stays small.
 * The scale benchmark seeds 100 × 100 × 30 with a million notes; the statement-count test seeds tiny ones inside its
 * own transaction (nothing here is DDL, so a test's rollback removes it all).
 *
 * <p>Shots by {@code (shot + episode) mod 10}: 0–3 approved, 4–5 in review, 6–7 generating (the queued jobs wait for
 * these), 8 changes requested, 9 on hold.
 */
public final class LargeProduction {

    /**
     * @param code          the show's code; the crew's usernames start with it in lower case
     * @param notes         frame notes in all, at least two per take: one reply per take, the rest are threads' roots
     * @param users         crew members of the show, the demo's five included (the rest are created)
     * @param queuedJobs    waiting jobs, on the generating shots
     */
    public record Size(String code, int episodes, int shotsPerEpisode, int takesPerShot, long notes, int users,
                       int queuedJobs) {

        public static final Size ISSUE_12 = new Size("BIG", 100, 100, 30, 1_000_000, 20, 10_000);

        public Size {
            if (takesPerShot % 3 != 0 || takesPerShot == 0) {
                throw new IllegalArgumentException("takes per shot: a multiple of 3 (three takes a job)");
            }
            if (notes < 2L * episodes * shotsPerEpisode * takesPerShot) {
                throw new IllegalArgumentException("notes: at least two per take");
            }
        }

        public long shots() {
            return (long) episodes * shotsPerEpisode;
        }

        public long takes() {
            return shots() * takesPerShot;
        }
    }

    /** What the seed made: the show, its first episode, and how long each step took (ms), for the log. */
    public record Seeded(long showId, long firstEpisodeId, List<String> steps) {
    }

    private static final String DEMO_CREW = "('director', 'artist', 'artist2', 'producer', 'admin')";

    private static final Pattern PARAMETER = Pattern.compile(":([a-zA-Z]+)\\b");

    private final JdbcTemplate jdbc;
    private final Instant now;
    private final java.util.ArrayList<String> steps = new java.util.ArrayList<>();

    public LargeProduction(JdbcTemplate jdbc, Instant now) {
        this.jdbc = jdbc;
        this.now = now;
    }

    /** Seeds the production; every take's clip is {@code mediaKeyOfShow(showId)} (a stored clip of the new show). */
    public Seeded seed(Size size, java.util.function.LongFunction<String> mediaKeyOfShow) {
        var values = new HashMap<String, Object>();
        values.put("at", now);
        values.put("today", LocalDate.ofInstant(now, ZoneOffset.UTC));
        values.put("code", size.code());
        values.put("prefix", size.code().toLowerCase(Locale.ROOT));
        values.put("hash", jdbc.queryForList("select password_hash from app_users order by id", String.class).stream()
                .findFirst().orElse("{noop}not-a-password"));
        values.put("extraUsers", Math.max(0, size.users() - 5));
        values.put("episodes", size.episodes());
        values.put("shotsPerEpisode", size.shotsPerEpisode());
        values.put("takesPerShot", size.takesPerShot());
        values.put("lastJobOfShot", size.takesPerShot() / 3 - 1);
        step("crew", values, """
                insert into app_users (username, display_name, password_hash, role, enabled, created_at)
                select :prefix || '-crew' || x, 'Crew ' || x || ' of ' || :code, :hash,
                       case when mod(x, 5) = 0 then 'DIRECTOR' when mod(x, 7) = 0 then 'PRODUCER' else 'ARTIST' end,
                       true, :at
                from system_range(1, :extraUsers)
                """);
        step("show", values, """
                insert into shows (code, name, default_model_id, style_prompt, negative_prompt, width, height, fps,
                                   frame_count, created_at)
                values (:code, 'Large production ' || :code, 'procedural', 'seeded at scale', '', 64, 64, 24, 4, :at)
                """);
        long showId = jdbc.queryForObject("select id from shows where code = ?", Long.class, size.code());
        values.put("show", showId);
        step("members", values, """
                insert into show_members (show_id, user_id)
                select :show, id from app_users where username like :prefix || '-crew%' or username in
                """ + DEMO_CREW);
        var directors = ids("""
                select u.id from app_users u join show_members m on m.user_id = u.id
                where m.show_id = ? and u.role = 'DIRECTOR' order by u.id""", showId);
        var artists = ids("""
                select u.id from app_users u join show_members m on m.user_id = u.id
                where m.show_id = ? and u.role = 'ARTIST' order by u.id""", showId);
        var crew = ids("""
                select u.id from app_users u join show_members m on m.user_id = u.id
                where m.show_id = ? and u.role in ('DIRECTOR', 'ARTIST') order by u.id""", showId);
        step("episodes", values, """
                insert into episodes (show_id, number, title, due_date, position, created_at)
                select :show, x, 'Episode ' || x, dateadd('DAY', x * 7 - 60, :today), x, :at
                from system_range(1, :episodes)
                """);
        long firstEpisode = jdbc.queryForObject("select min(id) from episodes where show_id = ?", Long.class, showId);
        values.put("shotsBefore", max("shots"));
        step("shots", values, """
                insert into shots (episode_id, code, description, base_prompt, frame_count, fps, assignee_id, due_date,
                                   position, status, variant_count, created_at, updated_at, status_reason,
                                   resume_status, in_review_since)
                select t.id, 'EP' || lpad(cast(t.number as varchar), 3, '0') || '_SH' || lpad(cast(t.x * 10 as varchar), 4, '0'),
                       'Seeded shot ' || t.x, 'a paper lantern drifts over the river at dusk', 4, 24,
                       case when mod(t.x, 17) = 0 then null else %s end,
                       dateadd('DAY', mod(t.x, 20) - 10, t.due_date), t.x, t.status, :takesPerShot,
                       dateadd('DAY', -mod(t.x * 7 + t.number, 150), :at), :at,
                       case when t.status = 'ON_HOLD' then 'waiting for the edit' end,
                       case when t.status = 'ON_HOLD' then 'IN_REVIEW' end,
                       case when t.status = 'IN_REVIEW' then dateadd('HOUR', -mod(t.x * 13 + t.number, 200), :at) end
                from (select e.id, e.number, e.due_date, r.x,
                             case mod(r.x + e.number, 10) when 0 then 'APPROVED' when 1 then 'APPROVED'
                                 when 2 then 'APPROVED' when 3 then 'APPROVED' when 4 then 'IN_REVIEW'
                                 when 5 then 'IN_REVIEW' when 6 then 'GENERATING' when 7 then 'GENERATING'
                                 when 8 then 'CHANGES_REQUESTED' else 'ON_HOLD' end as status
                      from episodes e, system_range(1, :shotsPerEpisode) r where e.show_id = :show) t
                order by t.id, t.x
                """.formatted(pick("t.x", artists)));
        values.put("jobsBefore", max("generation_jobs"));
        step("finished jobs", values, """
                insert into generation_jobs (show_id, shot_id, prompt, negative_prompt, seed, width, height, frame_count,
                                             fps, steps, guidance, model_id, variant_count, priority, requested_by,
                                             state, progress, attempts, queued_at, started_at, claimed_at, finished_at,
                                             device_millis)
                select :show, t.id, t.base_prompt, '', t.id * 100 + t.x, 64, 64, 4, 24, 12, 7.5, 'procedural', 3, 0,
                       t.who, 'SUCCEEDED', 1, 1, t.queued, dateadd('SECOND', t.wait, t.queued),
                       dateadd('SECOND', t.wait, t.queued), dateadd('SECOND', t.wait + t.run, t.queued), t.run * 1000
                from (select s.id, s.base_prompt, r.x, %s as who,
                             dateadd('MINUTE', -mod(s.id * 31 + r.x * 977, 180 * 24 * 60), :at) as queued,
                             mod(s.id + r.x * 7, 600) as wait, 20 + mod(s.id * 3 + r.x, 40) as run
                      from shots s, system_range(0, :lastJobOfShot) r where s.id > :shotsBefore) t
                order by t.id, t.x
                """.formatted(pick("s.id + r.x", crew)));
        values.put("takesBefore", max("variants"));
        values.put("media", mediaKeyOfShow.apply(showId));
        values.put("noWeights", "0".repeat(64));
        step("takes", values, """
                insert into variants (shot_id, job_id, prompt, negative_prompt, seed, model_id, model_version,
                                      weights_sha256, width, height, frame_count, fps, steps, guidance, media_key,
                                      created_at)
                select j.shot_id, j.id, j.prompt, '', j.seed * 10 + r.x, 'procedural', '2.0', :noWeights, 64, 64, 4, 24,
                       12, 7.5, :media, j.finished_at
                from generation_jobs j, system_range(0, 2) r where j.id > :jobsBefore
                order by j.id, r.x
                """);
        step("approvals and GPU time", values, """
                update shots set gpu_millis = coalesce((select sum(j.device_millis) from generation_jobs j
                                                        where j.shot_id = shots.id), 0),
                                 approved_variant_id = case when status = 'APPROVED'
                                     then (select max(v.id) from variants v where v.shot_id = shots.id) end,
                                 approved_at = case when status = 'APPROVED'
                                     then dateadd('HOUR', -mod(id * 29, 120 * 24), :at) end
                where id > :shotsBefore
                """);
        step("decisions", values, """
                insert into decisions (variant_id, shot_id, verdict, reason, decided_by, decided_at)
                select v.id, v.shot_id, 'REJECTED', 'the lantern drifts out of frame', %s, dateadd('HOUR', 2, v.created_at)
                from variants v where v.id > :takesBefore and mod(v.id, 10) = 0
                """.formatted(pick("v.id", directors)));
        step("approvals", values, """
                insert into decisions (variant_id, shot_id, verdict, decided_by, decided_at)
                select s.approved_variant_id, s.id, 'APPROVED', %s, s.approved_at
                from shots s where s.id > :shotsBefore and s.approved_variant_id is not null
                """.formatted(pick("s.id", directors)));
        step("decision days", values, """
                insert into decision_days (episode_id, director_id, decided_on, show_id, decisions)
                select e.id, d.decided_by, cast(d.decided_at as date), e.show_id, count(*)
                from decisions d join shots s on s.id = d.shot_id join episodes e on e.id = s.episode_id
                where e.show_id = :show
                group by e.id, d.decided_by, cast(d.decided_at as date), e.show_id
                """);
        long roots = size.notes() - size.takes();
        values.put("perTake", roots / size.takes());
        values.put("perTakeAndOne", roots / size.takes() + 1);
        values.put("extra", roots % size.takes());
        values.put("takes", size.takes());
        values.put("notesBefore", max("frame_notes"));
        step("notes (threads)", values, """
                insert into frame_notes (variant_id, shot_id, frame_start, frame_end, body, author_id, resolved,
                                         resolved_by, resolved_at, created_at)
                select v.id, v.shot_id, mod(r.x, 4), mod(r.x, 4), 'Seeded note ' || r.x || ': keep the lantern in frame',
                       %1$s, mod(r.x, 4) = 3, case when mod(r.x, 4) = 3 then %1$s end,
                       case when mod(r.x, 4) = 3 then dateadd('MINUTE', r.x * 5 + 60, v.created_at) end,
                       dateadd('MINUTE', r.x * 5, v.created_at)
                from variants v, system_range(1, :perTakeAndOne) r
                where v.id > :takesBefore
                  and r.x <= :perTake + case when mod(v.id - :takesBefore - 1, :takes) < :extra then 1 else 0 end
                order by v.id, r.x
                """.formatted(pick("v.id + r.x", crew)));
        step("notes (replies)", values, """
                insert into frame_notes (variant_id, shot_id, parent_id, frame_start, frame_end, body, author_id,
                                         created_at)
                select n.variant_id, n.shot_id, n.id, n.frame_start, n.frame_end, 'Agreed, in the next take', %s,
                       dateadd('MINUTE', 30, n.created_at)
                from frame_notes n where n.id > :notesBefore and n.body = 'Seeded note 1: keep the lantern in frame'
                order by n.id
                """.formatted(pick("n.id", crew)));
        long generating = jdbc.queryForObject("select count(*) from shots where id > ? and status = 'GENERATING'",
                Long.class, values.get("shotsBefore"));
        values.put("queuedPerShot", generating == 0 ? 0 : (size.queuedJobs() + generating - 1) / generating);
        values.put("queued", size.queuedJobs());
        step("queued jobs", values, """
                insert into generation_jobs (show_id, shot_id, prompt, negative_prompt, seed, width, height,
                                             frame_count, fps, steps, guidance, model_id, variant_count, priority,
                                             requested_by, state, progress, attempts, queued_at)
                select :show, s.id, s.base_prompt, '', s.id * 1000 + r.x, 64, 64, 4, 24, 12, 7.5, 'procedural', 3,
                       mod(s.id + r.x, 5) - 2, %s, 'QUEUED', 0, 0, dateadd('SECOND', -mod(s.id * 7 + r.x * 13, 7200), :at)
                from shots s, system_range(1, :queuedPerShot) r where s.id > :shotsBefore and s.status = 'GENERATING'
                order by s.id, r.x fetch first :queued rows only
                """.formatted(pick("s.id + r.x", crew)));
        return new Seeded(showId, firstEpisode, List.copyOf(steps));
    }

    /** Runs one statement, with {@code :name}s replaced by SQL literals of these values (all made here). */
    private void step(String name, Map<String, Object> values, String sql) {
        var literal = PARAMETER.matcher(sql).replaceAll(m -> {
            var value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for :" + m.group(1));
            }
            return java.util.regex.Matcher.quoteReplacement(switch (value) {
                case Number n -> n.toString();
                case Instant i -> "timestamp with time zone '" + i.atOffset(ZoneOffset.UTC).toLocalDateTime() + "+00:00'";
                case LocalDate d -> "date '" + d + "'";
                default -> "'" + value.toString().replace("'", "''") + "'";
            });
        });
        long started = System.nanoTime();
        long count = jdbc.update(literal);
        steps.add("%s: %,d rows in %,d ms".formatted(name, count, (System.nanoTime() - started) / 1_000_000));
    }

    private long max(String table) {
        Long max = jdbc.queryForObject("select max(id) from " + table, Long.class);
        return max == null ? 0 : max;
    }

    private List<Long> ids(String sql, Object... args) {
        return jdbc.queryForList(sql, Long.class, args);
    }

    /** SQL that picks one of these ids by {@code expression} modulo their number. */
    private static String pick(String expression, List<Long> ids) {
        if (ids.isEmpty()) {
            return "cast(null as bigint)";
        }
        var cases = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            cases.append(" when ").append(i).append(" then ").append(ids.get(i));
        }
        return "case mod(" + expression + ", " + ids.size() + ")" + cases + " end";
    }

    /** One line per step, for the log. */
    public static String describe(Seeded seeded) {
        return seeded.steps().stream().collect(Collectors.joining("\n  ", "  ", ""));
    }
}
