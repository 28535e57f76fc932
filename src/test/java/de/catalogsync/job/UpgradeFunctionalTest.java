package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.importing.ImportedBlocks;
import de.catalogsync.importing.ImportedKeys;
import de.catalogsync.testing.SyncFixture;

/**
 * A database that a version before the sorted load wrote (schema V5) keeps its catalogue through the upgrades (rows
 * numbered in V6, stored in blocks in V8, noted per key in V9), and the next run compares against it and then deletes it, like any replaced import.
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

        List<String> migrated = fixture.query(jdbc -> ImportedBlocks.all(jdbc, 900, "TH")).stream()
                .map(o -> o.identity() + " " + o.bezeichnung() + " line " + o.provenance().line()).toList();
        assertThat(migrated).as("rows imported before are stored in key order, whatever their order in the file")
                .containsExactly("99012001001000 Abbruch (alt) line 8", "99046029000000 Schuldner (alt) line 4");
        assertThat(fixture.offerings("TH")).hasSize(2);
        List<String> names = fixture.query(jdbc -> ImportedKeys.read(jdbc, 900, "TH")).stream()
                .map(k -> k.leistungsschluessel() + " " + k.bezeichnung()).toList();
        assertThat(names)
                .containsExactly("99012001001000 Abbruch (alt)", "99046029000000 Schuldner (alt)");

        SyncFixture.Result run = fixture.sync();

        assertThat(run.out()).as(run.toString()).containsPattern("TH\\s+ACCEPTED");
        List<String> removed = fixture.query(jdbc -> jdbc.queryForList("""
                select identity || '@' || gebiet_id from change
                where job_instance_id <> 900 and state = 'TH' and kind = 'REMOVED' order by identity""", String.class));
        assertThat(removed).containsExactly("99012001001000@169999999999", "99046029000000@169999999998");
        assertThat(fixture.count("select count(*) from imported_block where job_instance_id = 900"))
                .as("the replaced import is deleted once the run has published").isZero();
        assertThat(fixture.count("select count(*) from import_key_block where job_instance_id = 900"))
                .as("and so are its keys").isZero();
    }
}
