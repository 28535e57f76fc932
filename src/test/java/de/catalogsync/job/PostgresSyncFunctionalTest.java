package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.testing.PostgresSchema;
import de.catalogsync.testing.SyncFixture;

/**
 * The whole job on PostgreSQL, as production runs it (the postgres profile): Flyway creates the catalogue tables,
 * Spring Batch's own script the job repository, and the result is the one H2 gives, byte for byte.
 */
@PostgresSchema.Required
class PostgresSyncFunctionalTest {

    private static final List<String> PUBLISHED = List.of("merged-catalogue.xml", "merged-catalogue.json",
            "merged-catalogue.csv", "merged-catalogue.xsd", "rejects/NI.csv", "rejects/TH.csv", "rejects/BY.csv",
            "changes/0000000001.json");

    @TempDir
    Path dir;

    private static SyncFixture onPostgres(SyncFixture fixture, PostgresSchema schema) {
        return fixture.database(schema.url(), PostgresSchema.USER, PostgresSchema.PASSWORD, "postgres");
    }

    private static String withoutTimestamp(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8)
                .replaceFirst("erzeugtAm\"?\\s*[=:]\\s*\"[^\"]+\"", "erzeugtAm=\"\"");
    }

    private static Map<String, Object> counts(SyncFixture fixture) {
        return fixture.query(jdbc -> jdbc.queryForMap("""
                select (select sum(b.row_count) from imported_block b join state_catalogue c
                               on c.state = b.state and c.last_good_instance_id = b.job_instance_id) as offerings, (select count(*) from reject) as rejects,
                       (select count(*) from merged_service) as merged, (select count(*) from merged_state) as states,
                       (select count(*) from merged_efa_candidate) as efa, (select count(*) from change) as changes,
                       (select sum(imported_count) from import_result) as imported""".replace("\n", " ")));
    }

    @Test
    void theSamplesSyncOnPostgresWithTheSameCountsAndByteIdenticalFilesAsOnH2(PostgresSchema schema) throws Exception {
        SyncFixture h2 = SyncFixture.samples(dir.resolve("h2"));
        SyncFixture pg = onPostgres(SyncFixture.samples(dir.resolve("pg")), schema);

        SyncFixture.Result onH2 = h2.sync();
        SyncFixture.Result onPg = pg.sync();

        assertThat(onPg.exitCode()).as(onPg.toString()).isEqualTo(onH2.exitCode());
        assertThat(onPg.out().replaceAll("run \\d+", "run")).isEqualTo(onH2.out().replaceAll("run \\d+", "run"));
        assertThat(onPg.out()).contains("merged: 963 services");
        assertThat(counts(pg)).isEqualTo(counts(h2));
        for (String name : PUBLISHED) {
            assertThat(withoutTimestamp(pg.outputDir().resolve(name))).as(name)
                    .isEqualTo(withoutTimestamp(h2.outputDir().resolve(name)));
        }
        assertThat(pg.count("select count(*) from information_schema.tables where table_schema = ? and table_name = 'batch_job_execution'",
                schema.name())).as("the job repository lives in the test's own schema").isEqualTo(1);
    }

    @Test
    void aSecondStartOnTheSameDatabaseFindsItsSchemasInPlaceAndRunsAgain(PostgresSchema schema) throws Exception {
        SyncFixture pg = onPostgres(SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5"), schema);
        SyncFixture.Result first = pg.sync();
        assertThat(first.out()).as(first.toString()).doesNotContain("FAILED").contains("merged:");
        long migrations = pg.count("select count(*) from flyway_schema_history where success");

        SyncFixture.Result second = pg.sync();

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(first.exitCode());
        assertThat(second.out()).doesNotContain("FAILED").contains("merged:");
        assertThat(pg.count("select count(*) from batch_job_execution")).isEqualTo(2);
        var resources = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        int shipped = resources.getResources("classpath:db/migration/V*__*.sql").length // SQL and Java migrations
                + resources.getResources("classpath:db/migration/V*__*.class").length;
        assertThat(migrations).as("every shipped migration applied by the first start").isEqualTo(shipped);
        assertThat(pg.count("select count(*) from flyway_schema_history where success")).as("none applied again")
                .isEqualTo(migrations);
        assertThat(pg.count("select count(*) from change where job_instance_id = 2")).as("an identical export changes nothing").isZero();
    }

    @Test
    void hostileTextsAreStoredAndRejectedOnPostgresToo(PostgresSchema schema) throws Exception {
        // PostgreSQL refuses NUL in text: a rejected row's raw text must still be stored
        Path th = Files.writeString(dir.resolve("th.csv"), "id,leika,titel,beschreibung,typ,ozg_id,reifegrad,online_url,"
                + "behoerde,ars,gueltig_von,gueltig_bis,stand\n"
                + "TH-1,99012001001000,Abbruch,,4,,,,,,,,\n"
                + "TH-2,99046029000000,Schuld\u0000ner,,4,,,,,,,,\n"
                + "TH-3,99050012104000,Gewerbe,,4,,,javascript:alert(1),,,,,\n", StandardCharsets.UTF_8);
        SyncFixture pg = onPostgres(SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.9").location("TH", th), schema);

        SyncFixture.Result result = pg.sync();

        assertThat(result.out()).as(result.toString()).containsPattern("TH\\s+ACCEPTED\\s+3\\s+1\\s+2");
        List<String> reasons = pg.query(jdbc -> jdbc.queryForList(
                "select reason from reject where state = 'TH' order by seq", String.class));
        assertThat(reasons).containsExactly("TEXT", "URL");
    }
}
