package studio.dailies;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.JdbcTemplate;
import studio.dailies.inbox.InboxService;
import studio.dailies.notes.NoteDraft;
import studio.dailies.notes.NoteExports;
import studio.dailies.notes.NoteFilter;
import studio.dailies.notes.NoteReads;
import studio.dailies.notes.NoteService;
import studio.dailies.production.EpisodeDraft;
import studio.dailies.production.EpisodeService;
import studio.dailies.production.ShotAction;
import studio.dailies.production.ShotDetails;
import studio.dailies.production.ShotDraft;
import studio.dailies.production.ShotFilter;
import studio.dailies.production.ShotPlanning;
import studio.dailies.production.StatusChange;
import studio.dailies.production.ShotService;
import studio.dailies.production.ShowDraft;
import studio.dailies.production.ShowService;
import studio.dailies.security.NewUser;
import studio.dailies.security.Role;
import studio.dailies.security.SystemUser;
import studio.dailies.security.ShowTeamService;
import studio.dailies.security.UserAdminService;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static studio.dailies.security.Role.ADMIN;
import static studio.dailies.security.Role.ARTIST;
import static studio.dailies.security.Role.DIRECTOR;
import static studio.dailies.security.Role.PRODUCER;

/**
 * DESIGN §2 as a table, checked against the services themselves (method security and the shot
 * workflow), not against what the views show: every action × every role, allowed or denied.
 */
@DailiesTest
@Transactional
class RoleMatrixTest {

    private static final Map<String, Set<Role>> ALLOWED = Map.ofEntries(
            entry("view the show's episodes", EnumSet.allOf(Role.class)),
            entry("view the episode board", EnumSet.allOf(Role.class)),
            entry("create an episode", EnumSet.of(PRODUCER, ADMIN)),
            entry("edit an episode's due date", EnumSet.of(PRODUCER, ADMIN)),
            entry("reorder episodes", EnumSet.of(PRODUCER, ADMIN)),
            entry("create a shot", EnumSet.of(PRODUCER, ADMIN)),
            entry("edit a shot's due date", EnumSet.of(PRODUCER, ADMIN)),
            entry("assign a shot", EnumSet.of(PRODUCER, ADMIN)),
            entry("reorder shots", EnumSet.of(PRODUCER, ADMIN)),
            entry("put shots on hold", EnumSet.of(PRODUCER, ADMIN)),
            entry("omit shots", EnumSet.of(PRODUCER, ADMIN)),
            entry("take a held shot back", EnumSet.of(PRODUCER, ADMIN)),
            entry("assign many shots at once", EnumSet.of(PRODUCER, ADMIN)),
            entry("import a shot list", EnumSet.of(PRODUCER, ADMIN)),
            entry("export the board", EnumSet.allOf(Role.class)),
            entry("read the show's dashboard", EnumSet.allOf(Role.class)),
            entry("read an episode's dashboard", EnumSet.allOf(Role.class)),
            entry("see the generation queue", EnumSet.of(PRODUCER, ADMIN)),
            entry("raise a job's priority", EnumSet.of(PRODUCER, ADMIN)),
            entry("move a job to the front", EnumSet.of(PRODUCER, ADMIN)),
            entry("pause and resume the generation queue", EnumSet.of(PRODUCER, ADMIN)),
            entry("cancel someone else's job", EnumSet.of(DIRECTOR, PRODUCER, ADMIN)),
            entry("download a take for editorial", EnumSet.of(PRODUCER, ADMIN)),
            entry("follow an episode's package for editorial", EnumSet.of(PRODUCER, ADMIN)),
            entry("set many shots' due date at once", EnumSet.of(PRODUCER, ADMIN)),
            entry("generate for a shot assigned to them", EnumSet.of(DIRECTOR, ARTIST)),
            entry("generate for a shot assigned to someone else", EnumSet.of(DIRECTOR)),
            entry("approve a shot", EnumSet.of(DIRECTOR)),
            entry("request changes on a shot", EnumSet.of(DIRECTOR)),
            entry("reopen an approved shot", EnumSet.of(DIRECTOR)),
            entry("list users", EnumSet.of(ADMIN)),
            entry("choose a show's model", EnumSet.of(ADMIN)),
            entry("create a user", EnumSet.of(ADMIN)),
            entry("create a show", EnumSet.of(ADMIN)),
            entry("archive a show", EnumSet.of(ADMIN)),
            entry("view the show's team", EnumSet.allOf(Role.class)),
            entry("add someone to the show's team", EnumSet.of(PRODUCER, ADMIN)),
            entry("see the shots assigned to them", EnumSet.allOf(Role.class)),
            entry("read a shot's frame notes", EnumSet.allOf(Role.class)),
            entry("write a frame note", EnumSet.of(DIRECTOR, ARTIST, PRODUCER)),
            entry("reply to a frame note", EnumSet.of(DIRECTOR, ARTIST, PRODUCER)),
            entry("resolve a frame note", EnumSet.of(DIRECTOR, ARTIST, PRODUCER)),
            entry("reopen a frame note", EnumSet.of(DIRECTOR, ARTIST, PRODUCER)),
            entry("edit their own frame note", EnumSet.of(DIRECTOR, ARTIST, PRODUCER)),
            entry("delete their own frame note", EnumSet.of(DIRECTOR, ARTIST, PRODUCER)),
            entry("edit another person's frame note", EnumSet.noneOf(Role.class)),
            entry("delete another person's frame note", EnumSet.noneOf(Role.class)),
            entry("export a shot's frame notes", EnumSet.allOf(Role.class)),
            entry("see their notifications", EnumSet.allOf(Role.class)));

    private static final Map<Role, String> DEMO_USER = Map.of(DIRECTOR, "director", ARTIST, "artist",
            PRODUCER, "producer", ADMIN, "admin");

    @Autowired TestLogins logins;
    @Autowired ShowService shows;
    @Autowired EpisodeService episodes;
    @Autowired ShotService shots;
    @Autowired ShotPlanning planning;
    @Autowired studio.dailies.production.ShotImport shotImport;
    @Autowired studio.dailies.production.BoardExport export;
    @Autowired studio.dailies.production.DashboardService dashboards;
    @Autowired studio.dailies.generation.QueueControl queueControl;
    @Autowired studio.dailies.generation.JobQueue jobQueue;
    @Autowired studio.dailies.production.TakeDelivery takeDelivery;
    @Autowired studio.dailies.production.EpisodeDelivery episodeDelivery;
    @Autowired UserAdminService users;
    @Autowired ShowTeamService teams;
    @Autowired NoteService notes;
    @Autowired NoteReads noteReads;
    @Autowired NoteExports noteExports;
    @Autowired InboxService inbox;
    @Autowired JdbcTemplate jdbc;

    static Stream<Arguments> everyActionForEveryRole() {
        return ALLOWED.keySet().stream().sorted()
                .flatMap(action -> Arrays.stream(Role.values()).map(role -> Arguments.of(action, role)));
    }

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @ParameterizedTest(name = "{1} may {0}: as the table says")
    @MethodSource("everyActionForEveryRole")
    void servicesEnforceTheRoleMatrix(String action, Role role) {
        var fixture = SystemUser.call(this::prepareFixture);
        logins.as(DEMO_USER.get(role));
        Runnable attempt = () -> perform(action, fixture);
        if (ALLOWED.get(action).contains(role)) {
            assertThatCode(attempt::run).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(attempt::run).isInstanceOf(AccessDeniedException.class);
        }
    }

    @ParameterizedTest(name = "a {0} who is not a member of the show cannot see it")
    @MethodSource("roles")
    void nonMembersCannotSeeTheShow(Role role) {
        var fixture = SystemUser.call(() -> {
            users.create(new NewUser("outsider", "Out Sider", role, "outsider-pass", Set.of()));
            return prepareFixture();
        });
        logins.as("outsider");
        assertThatThrownBy(() -> episodes.list(fixture.showId(), Pageable.ofSize(10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> shots.board(fixture.episodeId(), ShotFilter.NONE, Pageable.ofSize(10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.members(fixture.showId(), Pageable.ofSize(10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboards.dashboard(fixture.showId(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(shots.assignedToMe(Pageable.ofSize(10)).getContent()).isEmpty();
    }

    static Stream<Role> roles() {
        return Stream.of(DIRECTOR, ARTIST, PRODUCER);
    }

    /** Demo ids, plus shots put into the states that the workflow actions need. */
    private record Fixture(long showId, long episodeId, ShotDetails artistsShot, ShotDetails othersShot,
                           ShotDetails inReview, ShotDetails approved, long outsiderId, long jobId, long takeId,
                           long take, long othersNote, long resolvedNote) {
    }

    private Fixture prepareFixture() {
        long showId = shows.visibleShows().getFirst().id();
        long episodeId = episodes.list(showId, Pageable.ofSize(1)).getContent().getFirst().id();
        var inReview = shot(episodeId, "EP01_SH050");
        shots.transition(inReview.id(), ShotAction.START_GENERATION);
        shots.transition(inReview.id(), ShotAction.VARIANTS_READY);
        var approved = shot(episodeId, "EP01_SH070");
        shots.transition(approved.id(), ShotAction.START_GENERATION);
        shots.transition(approved.id(), ShotAction.VARIANTS_READY);
        long outsider = users.create(new NewUser("newcomer", "New Comer", ARTIST, "newcomer-pass", Set.of()));
        // A job the studio queued (no requester), waiting for a worker.
        jdbc.update("""
                insert into generation_jobs (show_id, shot_id, prompt, negative_prompt, seed, width, height, frame_count,
                                             fps, steps, guidance, model_id, variant_count, state, queued_at)
                values (?, ?, 'p', '', 1, 64, 64, 4, 24, 1, 1.0, 'procedural', 1, 'QUEUED', current_timestamp)
                """, showId, inReview.id());
        long jobId = jdbc.queryForObject("select max(id) from generation_jobs", Long.class);
        long takeId = TestVariants.insert(jdbc, inReview.id(), "matrix", 1, null);
        var artistsShot = shot(episodeId, "EP01_SH010");
        long take = TestVariants.insert(jdbc, artistsShot.id(), "dawn", 1, null);
        // Notes by someone who is none of the roles under test: artist2.
        long artist2 = jdbc.queryForObject("select id from app_users where username = 'artist2'", Long.class);
        long othersNote = insertNote(take, artistsShot.id(), artist2, false);
        long resolvedNote = insertNote(take, artistsShot.id(), artist2, true);
        return new Fixture(showId, episodeId, artistsShot, shot(episodeId, "EP01_SH030"),
                shots.get(inReview.id()), shots.get(approved.id()), outsider, jobId, takeId, take, othersNote,
                resolvedNote);
    }

    private long insertNote(long take, long shotId, long authorId, boolean resolved) {
        jdbc.update("""
                insert into frame_notes (variant_id, shot_id, frame_start, frame_end, body, author_id, resolved, resolved_by,
                                         resolved_at, created_at)
                values (?, ?, 0, 0, 'a note', ?, ?, ?, ?, current_timestamp)
                """, take, shotId, authorId, resolved, resolved ? authorId : null,
                resolved ? java.sql.Timestamp.from(java.time.Instant.now()) : null);
        return jdbc.queryForObject("select max(id) from frame_notes", Long.class);
    }

    private ShotDetails shot(long episodeId, String code) {
        return shots.board(episodeId, new ShotFilter(code, Set.of(), null), Pageable.ofSize(1)).getContent().getFirst();
    }

    private void perform(String action, Fixture f) {
        var episode = episodes.get(f.episodeId());
        var shot = f.artistsShot();
        switch (action) {
            case "view the show's episodes" -> episodes.list(f.showId(), Pageable.ofSize(10));
            case "view the episode board" -> shots.board(f.episodeId(), ShotFilter.NONE, Pageable.ofSize(10));
            case "create an episode" -> episodes.create(f.showId(), new EpisodeDraft(42, "Matrix", null));
            case "edit an episode's due date" -> episodes.update(episode.id(), episode.version(),
                    new EpisodeDraft(episode.number(), episode.title(), episode.dueDate().plusDays(1)));
            case "reorder episodes" -> episodes.move(episode.id(), 1);
            case "create a shot" -> shots.create(f.episodeId(),
                    new ShotDraft("EP01_SH999", "", "dawn over the sea", 24, 24, null, null));
            case "edit a shot's due date" -> shots.update(shot.id(), shot.version(), withDue(shot, shot.dueDate().plusDays(1)));
            case "assign a shot" -> shots.update(shot.id(), shot.version(), withAssignee(shot, f.othersShot().assigneeId()));
            case "reorder shots" -> shots.move(shot.id(), 1);
            case "put shots on hold" -> planning.changeStatus(f.episodeId(), List.of(shot.id()), StatusChange.hold("matrix"));
            case "omit shots" -> planning.changeStatus(f.episodeId(), List.of(shot.id()), StatusChange.omit("matrix"));
            case "take a held shot back" -> {
                SystemUser.run(() -> planning.changeStatus(f.episodeId(), List.of(shot.id()), StatusChange.hold("matrix")));
                planning.changeStatus(f.episodeId(), List.of(shot.id()), StatusChange.resume());
            }
            case "import a shot list" -> shotImport.save(f.episodeId(),
                    "code,prompt\nEP01_SH990,dawn over the sea\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case "export the board" -> export.writeCsv(f.episodeId(), ShotFilter.NONE,
                    org.springframework.data.domain.Sort.unsorted(), java.io.OutputStream.nullOutputStream());
            case "read the show's dashboard" -> dashboards.dashboard(f.showId(), null);
            case "read an episode's dashboard" -> dashboards.dashboard(f.showId(), f.episodeId());
            case "see the generation queue" -> queueControl.jobs(org.springframework.data.domain.PageRequest.of(0, 10));
            case "raise a job's priority" -> queueControl.setPriority(f.jobId(), 3);
            case "move a job to the front" -> queueControl.moveToFront(f.jobId());
            case "pause and resume the generation queue" -> {
                queueControl.pause();
                queueControl.resume();
            }
            case "cancel someone else's job" -> jobQueue.cancel(f.jobId());
            case "download a take for editorial" -> takeDelivery.fileName(f.takeId());
            // Every EpisodeDelivery method (start, status, download) is under the same class-level rule; reading the
            // status starts no background build from this transactional test.
            case "follow an episode's package for editorial" -> episodeDelivery.status(f.episodeId());
            case "assign many shots at once" -> planning.assign(f.episodeId(), List.of(shot.id(), f.othersShot().id()),
                    f.othersShot().assigneeId());
            case "set many shots' due date at once" -> planning.setDueDate(f.episodeId(),
                    List.of(shot.id(), f.othersShot().id()), shot.dueDate());
            case "generate for a shot assigned to them" -> shots.transition(shot.id(), ShotAction.START_GENERATION);
            case "generate for a shot assigned to someone else" ->
                    shots.transition(f.othersShot().id(), ShotAction.START_GENERATION);
            case "approve a shot" -> shots.transition(f.inReview().id(), ShotAction.APPROVE);
            case "request changes on a shot" -> shots.transition(f.inReview().id(), ShotAction.REQUEST_CHANGES);
            case "reopen an approved shot" -> {
                approveAsDirector(f.approved());
                shots.transition(f.approved().id(), ShotAction.REOPEN);
            }
            case "list users" -> users.list("", Pageable.ofSize(10));
            case "choose a show's model" -> shows.chooseModel(f.showId(), "procedural");
            case "create a user" -> users.create(new NewUser("matrix", "Matrix User", ARTIST, "matrix-pass1", Set.of()));
            case "create a show" -> shows.create(new ShowDraft("MTX", "Matrix", "", "", 640, 360, 24, 48, "procedural"));
            case "archive a show" -> shows.archive(f.showId());
            case "view the show's team" -> teams.members(f.showId(), Pageable.ofSize(10));
            case "add someone to the show's team" -> teams.addMember(f.showId(), f.outsiderId(), ARTIST);
            case "see the shots assigned to them" -> shots.assignedToMe(Pageable.ofSize(10));
            case "read a shot's frame notes" -> noteReads.threads(shot.id(), NoteFilter.ALL, Pageable.ofSize(10));
            case "write a frame note" -> notes.add(new NoteDraft(f.take(), 0, 0, "matrix", null));
            case "reply to a frame note" -> notes.reply(f.othersNote(), "matrix");
            case "resolve a frame note" -> notes.resolve(f.othersNote(), null);
            case "reopen a frame note" -> notes.reopen(f.resolvedNote());
            case "edit their own frame note" -> notes.edit(insertNote(f.take(), shot.id(), logins.currentId(), false), 0,
                    "matrix");
            case "delete their own frame note" -> notes.delete(insertNote(f.take(), shot.id(), logins.currentId(), false));
            case "edit another person's frame note" -> notes.edit(f.othersNote(), 0, "matrix");
            case "delete another person's frame note" -> notes.delete(f.othersNote());
            case "export a shot's frame notes" ->
                    noteExports.shot(shot.id(), NoteExports.Format.CSV, java.io.OutputStream.nullOutputStream());
            case "see their notifications" -> inbox.latest(Pageable.ofSize(10));
            default -> throw new IllegalArgumentException("No such action in the matrix: " + action);
        }
    }

    /** Puts the shot into APPROVED as the demo director, then returns to the role under test. */
    private void approveAsDirector(ShotDetails shot) {
        var role = logins.current();
        logins.as("director");
        shots.transition(shot.id(), ShotAction.APPROVE);
        logins.as(role);
    }

    private static ShotDraft withDue(ShotDetails shot, LocalDate due) {
        var d = shot.toDraft();
        return new ShotDraft(d.code(), d.description(), d.basePrompt(), d.frameCount(), d.fps(), d.assigneeId(), due);
    }

    private static ShotDraft withAssignee(ShotDetails shot, Long assigneeId) {
        var d = shot.toDraft();
        return new ShotDraft(d.code(), d.description(), d.basePrompt(), d.frameCount(), d.fps(), assigneeId, d.dueDate());
    }
}
