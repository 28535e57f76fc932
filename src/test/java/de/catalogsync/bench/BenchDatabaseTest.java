package de.catalogsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.catalogsync.reference.LeikaReference;

/** Where the bench's measurements keep their rows: the H2 files they always had, or a PostgreSQL schema each. */
class BenchDatabaseTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    @TempDir
    Path dir;

    @Test
    void h2KeepsTheSyncBesideItsSpillFolderAndEachComparatorInAFolderOfItsOwn() {
        BenchDatabase.H2 h2 = new BenchDatabase.H2(dir);
        assertThat(h2.url(BenchDatabase.SYNC))
                .isEqualTo("jdbc:h2:file:" + dir.resolve("db/catalog-sync") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        assertThat(h2.file("floor")).isEqualTo(dir.resolve("floor/db/floor"));
        assertThat(h2.file("typical")).isEqualTo(dir.resolve("typical/db/typical"));
    }

    @Test
    void postgresGivesEachMeasurementItsSchemaWithBatchedInsertsRewritten() {
        BenchDatabase.Postgres pg = new BenchDatabase.Postgres(SERVER, "bench_a", "postgres", "");
        assertThat(pg.url(BenchDatabase.SYNC))
                .isEqualTo(SERVER + "?currentSchema=bench_a_sync&reWriteBatchedInserts=true");
        assertThat(pg.url("floor")).isEqualTo(SERVER + "?currentSchema=bench_a_floor&reWriteBatchedInserts=true");
    }

    @Test
    void postgresKeepsTheParametersOfTheUrlAndAnExplicitChoiceOfBatchRewriting() {
        assertThat(new BenchDatabase.Postgres(SERVER + "?connectTimeout=5", "b", "postgres", "").url("typical"))
                .isEqualTo(SERVER + "?connectTimeout=5&currentSchema=b_typical&reWriteBatchedInserts=true");
        assertThat(new BenchDatabase.Postgres(SERVER + "?reWriteBatchedInserts=false", "b", "postgres", "").url("floor"))
                .isEqualTo(SERVER + "?reWriteBatchedInserts=false&currentSchema=b_floor");
    }

    @Test
    void postgresRefusesAnotherDatabaseASchemaOrCredentialsInTheUrlAndAnUnsafeSchemaPrefix() {
        assertThatThrownBy(() -> new BenchDatabase.Postgres("jdbc:h2:mem:x", "b", "postgres", ""))
                .hasMessageContaining("starts with jdbc:postgresql:");
        assertThatThrownBy(() -> new BenchDatabase.Postgres(SERVER + "?currentSchema=mine", "b", "postgres", ""))
                .hasMessageContaining("must name neither a schema");
        assertThatThrownBy(() -> new BenchDatabase.Postgres(SERVER + "?user=me", "b", "postgres", ""))
                .hasMessageContaining("--postgres-user");
        // the prefix goes into DDL as it is: nothing but a plain lower-case identifier
        assertThatThrownBy(() -> new BenchDatabase.Postgres(SERVER, "x; drop schema public", "postgres", ""))
                .hasMessageContaining("--schema-prefix");
        assertThatThrownBy(() -> new BenchDatabase.Postgres(SERVER, "Bench", "postgres", ""))
                .hasMessageContaining("--schema-prefix");
    }

    @Test
    void aDatasetOnPostgresConfiguresTheSyncForItsSchemaWithThePasswordLeftInTheEnvironment() throws Exception {
        BenchDataset.Dataset d = new BenchDataset(dir, 3, 1000, 7, null, new LeikaReference().load())
                .generate(1, new BenchDatabase.Postgres(SERVER, "bench_a", "catalog", "secret"));
        String yml = Files.readString(d.configDir().resolve("application.yml"));
        assertThat(yml)
                .contains("url: \"" + SERVER + "?currentSchema=bench_a_sync&reWriteBatchedInserts=true\"")
                .contains("username: \"catalog\"")
                .contains("password: \"${PGPASSWORD:}\"")
                .doesNotContain("secret");
    }

    @Test
    void aDatasetOnH2ConfiguresTheSyncForItsFileDatabase() throws Exception {
        BenchDataset.Dataset d = new BenchDataset(dir, 3, 1000, 7, null, new LeikaReference().load()).generate(1);
        String yml = Files.readString(d.configDir().resolve("application.yml"));
        assertThat(yml).contains("url: \"jdbc:h2:file:" + dir.toAbsolutePath().resolve("db/catalog-sync"))
                .contains("username: \"sa\"").contains("password: \"\"");
    }
}
