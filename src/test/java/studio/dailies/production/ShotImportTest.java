package studio.dailies.production;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.DailiesTest;
import studio.dailies.TestLogins;
import studio.dailies.base.InvalidInputException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shot lists from CSV: a preview of every problem by line and column, then every shot or none; and the export. */
@DailiesTest
@Transactional
class ShotImportTest {

    @Autowired TestLogins logins;
    @Autowired ShotImport shotImport;
    @Autowired BoardExport export;
    @Autowired ShotService shots;
    @Autowired EpisodeService episodes;
    @Autowired ShowService shows;
    @Autowired JdbcTemplate jdbc;

    private EpisodeSummary one;
    private EpisodeSummary two;

    @BeforeEach
    void episodes() {
        logins.as("producer");
        long showId = shows.visibleShows().getFirst().id();
        var list = episodes.list(showId, PageRequest.of(0, 10, Sort.by("number"))).getContent();
        one = list.get(0);
        two = list.get(1);
    }

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void aValidShotListIsPreviewedThenSavedAtTheEndOfTheEpisodeInFileOrder() {
        var due = LocalDate.now().plusDays(10);
        var file = csv("""
                code,prompt,description,assignee,due,frames
                EP01_SH110,"dawn over the bay, slow pan",Opening of act two,artist,%s,48
                EP01_SH120,night market,,Ines Duarte,,
                EP01_SH130,storm over the sea,,,,
                """.formatted(due));
        var preview = shotImport.preview(one.id(), file);
        assertThat(preview.fileErrors()).isEmpty();
        assertThat(preview.rows()).allSatisfy(row -> assertThat(row.errors()).isEmpty());
        assertThat(preview.valid()).isTrue();
        assertThat(count(one.id())).isEqualTo(10); // a preview saves nothing

        assertThat(shotImport.save(one.id(), file)).isEqualTo(3);
        var all = shots.board(one.id(), ShotFilter.NONE, Pageable.ofSize(50)).getContent();
        assertThat(all).extracting(ShotDetails::code).endsWith("EP01_SH110", "EP01_SH120", "EP01_SH130");
        var first = all.get(10);
        assertThat(first.basePrompt()).isEqualTo("dawn over the bay, slow pan");
        assertThat(first.assigneeName()).isEqualTo("Theo Lindqvist");
        assertThat(first.dueDate()).isEqualTo(due);
        assertThat(first.frameCount()).isEqualTo(48);
        assertThat(first.fps()).isEqualTo(24); // the show's default
        assertThat(all.get(11).assigneeName()).isEqualTo("Ines Duarte");
        assertThat(jdbc.queryForObject("select count(*) from activity_events where action = 'shot.imported'", Long.class))
                .isEqualTo(3);
    }

    @Test
    void everyBadCellIsNamedByLineAndColumnAndNothingIsSaved() {
        var file = csv("""
                code,prompt,assignee,due,frames
                EP01_SH110,dawn,artist,,
                EP01_SH110,dusk,,,
                EP01_SH010,noon,,,
                EP01_SH140,rain,nobody,,
                EP01_SH150,snow,,%s,
                EP01_SH160,fog,,15/02/2027,
                EP01_SH170,"=HYPERLINK(""http://evil.example"",""click"")",,,
                EP01_SH180,wind,,,many
                ep01 sh190,,,,
                EP01_SH200,calm,,,,extra
                """.formatted(LocalDate.now().minusDays(1)));
        var preview = shotImport.preview(one.id(), file);
        assertThat(preview.valid()).isFalse();
        var errors = preview.rows().stream().collect(java.util.stream.Collectors.toMap(ImportRow::line, ImportRow::errors));
        assertThat(errors.get(2L)).isEmpty();
        assertThat(errors.get(3L)).containsEntry("code", "EP01_SH110 is also on line 2");
        assertThat(errors.get(4L)).containsEntry("code", "Shot EP01_SH010 already exists in this episode");
        assertThat(errors.get(5L)).containsEntry("assignee", "No artist or director called \"nobody\" in this show");
        assertThat(errors.get(6L)).containsEntry("due", "The due date cannot be in the past");
        assertThat(errors.get(7L).get("due")).startsWith("Write the date as year-month-day, like 2027-02-15");
        assertThat(errors.get(8L).get("prompt")).startsWith("Starts with '=', which a spreadsheet runs as a formula");
        assertThat(errors.get(9L)).containsEntry("frames", "Enter a whole number, not \"many\"");
        assertThat(errors.get(10L)).containsKeys("code", "prompt");
        assertThat(errors.get(11L)).containsEntry("row", "Has 6 cells; the header names 5 columns");
        assertThat(preview.invalidRows()).isEqualTo(9);

        assertThatThrownBy(() -> shotImport.save(one.id(), file))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("file"))
                        .isEqualTo("Nothing was imported. 9 of 10 rows have problems"));
        assertThat(count(one.id())).isEqualTo(10);
    }

    @Test
    void aFileWithWrongColumnsIsRefusedAsAWhole() {
        var preview = shotImport.preview(one.id(), csv("shot,prompt,prompt,colour\nEP01_SH110,dawn,dawn,red\n"));
        assertThat(preview.fileErrors()).containsExactly(
                "Unknown column \"shot\". The columns are: code, description, prompt, frames, fps, assignee, due",
                "The column \"prompt\" appears twice",
                "Unknown column \"colour\". The columns are: code, description, prompt, frames, fps, assignee, due",
                "The column \"code\" is missing");
        assertThat(preview.rows()).isEmpty();
        assertThat(preview.valid()).isFalse();
    }

    @Test
    void hugeFilesTooManyRowsEmptyFilesAndOtherEncodingsAreRefused() {
        var huge = new byte[ShotImport.MAX_BYTES + 1];
        assertThat(shotImport.preview(one.id(), huge).fileErrors().getFirst()).startsWith("The file is 513 kB");
        var many = new StringBuilder("code,prompt\n");
        for (int i = 0; i <= ShotImport.MAX_ROWS; i++) {
            many.append("EP01_X").append(i).append(",dawn\n");
        }
        assertThat(shotImport.preview(one.id(), csv(many.toString())).fileErrors())
                .containsExactly("The file has more than 1000 shots; split it into smaller files");
        assertThat(shotImport.preview(one.id(), new byte[0]).fileErrors().getFirst()).startsWith("The file is empty");
        var latin1 = "code,prompt\nEP01_SH110,caf\u00e9 at dawn\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(shotImport.preview(one.id(), latin1).fileErrors().getFirst()).startsWith("The file is not UTF-8 text");
        assertThatThrownBy(() -> shotImport.save(one.id(), latin1)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlyProducersAndAdminsImport() {
        for (var user : List.of("director", "artist")) {
            logins.as(user);
            assertThatThrownBy(() -> shotImport.preview(one.id(), csv("code,prompt\nEP01_SH110,dawn\n")))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void theExportedBoardParsesBackIsFormulaSafeAndImportsIntoAnotherEpisode() throws IOException {
        jdbc.update("update shots set description = '=1+2' where code = 'EP01_SH020'");
        var out = new ByteArrayOutputStream();
        logins.as("artist");
        export.writeCsv(one.id(), ShotFilter.NONE, Sort.unsorted(), out);
        var bytes = out.toByteArray();
        var text = new String(bytes, StandardCharsets.UTF_8).substring(1); // the byte order mark
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(records).hasSize(10);
        assertThat(records.getFirst().get("code")).isEqualTo("EP01_SH010");
        assertThat(records.getFirst().get("status")).isEqualTo("Planned");
        assertThat(records.getFirst().get("assignee")).isEqualTo("Theo Lindqvist");
        assertThat(records.get(1).get("description")).isEqualTo("'=1+2");

        logins.as("producer");
        var renamed = text.replace("EP01_SH", "EP02_RE").getBytes(StandardCharsets.UTF_8);
        var preview = shotImport.preview(two.id(), renamed);
        assertThat(preview.rows()).hasSize(10).allSatisfy(row -> assertThat(row.errors()).isEmpty());
        assertThat(shotImport.save(two.id(), renamed)).isEqualTo(10);
    }

    private long count(long episodeId) {
        return shots.board(episodeId, ShotFilter.NONE, Pageable.ofSize(1)).getTotalElements();
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
