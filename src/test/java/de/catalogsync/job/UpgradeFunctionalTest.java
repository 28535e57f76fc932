package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.testing.SyncFixture;

/**
 * A database that a version before the sorted load wrote (schema V5) keeps its catalogue through the upgrade, and
 * the next run compares against it and then deletes it, like any replaced import.
 */
class UpgradeFunctionalTest {

    @TempDir
    Path dir;

    @Test
    void offeringsImportedBeforeTheSortedLoadSurviveTheUpgradeAndAreComparedAgainstByTheNextRun() throws Exception {
        SyncFixture fixture = SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5");
        Flyway.configure().dataSource(fixture.jdbcUrl(), "sa", "").locations("classpath:db/migration").target("5")
                .load().migrate();
        fixture.query(jdbc -> {
            jdbc.update("""
                    insert into state_catalogue (state, status, last_good_instance_id, last_good_at, offerings)
                    values ('TH', 'CURRENT', 900, current_timestamp, 2)""");
            String insert = """
                    insert into imported_offering (job_instance_id, state, seq, identity, leistungsschluessel, gebiet_id,
                        bezeichnung, source_file, source_line)
                    values (900, 'TH', ?, ?, ?, ?, ?, 'th-2025.csv', ?)""";
            jdbc.update(insert, 7, "99012001001000", "99012001001000", "169999999999", "Abbruch (alt)", 8);
            jdbc.update(insert, 3, "99046029000000", "99046029000000", "169999999998", "Schuldner (alt)", 4);
            return null;
        });

        Flyway.configure().dataSource(fixture.jdbcUrl(), "sa", "").locations("classpath:db/migration").load().migrate();

        List<String> migrated = fixture.query(jdbc -> jdbc.query("""
                select identity, pos, seq from imported_offering where job_instance_id = 900 order by pos""",
                (rs, i) -> rs.getString(1) + " pos " + rs.getLong(2) + " seq " + rs.getLong(3)));
        assertThat(migrated).as("rows imported before keep their file's numbers as positions")
                .containsExactly("99046029000000 pos 3 seq 3", "99012001001000 pos 7 seq 7");
        assertThat(fixture.count("select count(*) from offering where state = 'TH'")).isEqualTo(2);

        SyncFixture.Result run = fixture.sync();

        assertThat(run.out()).as(run.toString()).containsPattern("TH\\s+ACCEPTED");
        List<String> removed = fixture.query(jdbc -> jdbc.queryForList("""
                select identity || '@' || gebiet_id from change
                where job_instance_id <> 900 and state = 'TH' and kind = 'REMOVED' order by identity""", String.class));
        assertThat(removed).containsExactly("99012001001000@169999999999", "99046029000000@169999999998");
        assertThat(fixture.count("select count(*) from imported_offering where job_instance_id = 900"))
                .as("the replaced import is deleted once the run has published").isZero();
    }
}
