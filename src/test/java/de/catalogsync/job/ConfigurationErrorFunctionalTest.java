package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.testing.SyncFixture;

class ConfigurationErrorFunctionalTest {

    @TempDir
    Path dir;

    @Test
    void aHeaderMissingFromTheFileIsAConfigurationErrorBeforeAnythingIsImported() throws Exception {
        SyncFixture fixture = SyncFixture.samples(dir).replaceInConfig("bezeichnung: \"titel\"", "bezeichnung: \"Titel der Leistung\"");

        SyncFixture.Result result = fixture.sync();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("state TH").contains("leistungskatalog.csv")
                .contains("\"Titel der Leistung\" (for bezeichnung)");
        assertThat(fixture.count("select count(*) from import_result")).isZero();
        assertThat(fixture.offerings().size()).isZero();
        assertThat(fixture.count("select count(*) from batch_job_execution")).isZero();
        assertThat(Files.exists(fixture.outputDir().resolve("merged-catalogue.xml"))).isFalse();
    }

    @Test
    void anUnknownStateCodeIsAConfigurationError() throws Exception {
        SyncFixture fixture = SyncFixture.mini(dir).replaceInConfig("state: BY", "state: XX");

        SyncFixture.Result result = fixture.sync();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown state \"XX\"");
    }
}
