package de.catalogsync.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class ImportedKeysTest {

    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:keys;DB_CLOSE_DELAY=-1", "sa", "", true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void dropDatabase() {
        jdbc.execute("drop all objects");
        dataSource.destroy();
    }

    /** {@code n} keys in key order with long names (up to 4,000 chars, about 300 bytes on average), some without. */
    private static List<KeyTally.Key> keys(int n) {
        List<KeyTally.Key> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long[] anzahl = new long[KeyTally.MAX_LEVEL + 2];
            anzahl[i % anzahl.length] = i + 1L;
            anzahl[0] = 3_000_000_000L + i; // beyond an int
            String name = i % 7 == 0 ? null : "Leistung Nr. " + i + " für Bürger " + "ä".repeat(i % 500);
            keys.add(new KeyTally.Key(String.format("99%012d", i), i == 5 ? "x".repeat(4000) : name,
                    i % 3 == 0 ? null : String.format("%05d", i), anzahl));
        }
        return keys;
    }

    @Test
    void anImportsKeysAreStoredInQuarterMegabyteBlocksAndReadBackInOrderWithEveryCountAndName() {
        List<KeyTally.Key> keys = keys(6000);

        ImportedKeys.store(jdbc, 1, "TH", keys);

        List<Integer> perBlock = jdbc.queryForList("""
                select key_count from import_key_block where job_instance_id = 1 and state = 'TH' order by block_no""",
                Integer.class);
        assertThat(perBlock).as("6,000 keys of about 300 bytes: several blocks").hasSizeGreaterThan(3);
        assertThat(perBlock.stream().mapToInt(Integer::intValue).sum()).isEqualTo(6000);
        for (ImportedKeys.Block block : ImportedKeys.blocks(keys)) {
            assertThat(block.bytes().length).isLessThanOrEqualTo(ImportedBlocks.MAX_BYTES);
        }
        assertThat(ImportedKeys.read(jdbc, 1, "TH")).isEqualTo(keys);
        assertThat(ImportedKeys.read(jdbc, 1, "NI")).isEmpty();
    }

    @Test
    void storingAgainReplacesTheKeysAndDeletingRemovesOnlyThatImports() {
        ImportedKeys.store(jdbc, 1, "TH", keys(3000));
        ImportedKeys.store(jdbc, 1, "NI", keys(2));
        List<KeyTally.Key> fewer = keys(10);

        ImportedKeys.store(jdbc, 1, "TH", fewer);
        assertThat(ImportedKeys.read(jdbc, 1, "TH")).isEqualTo(fewer);

        ImportedKeys.delete(jdbc, 1, "TH");
        assertThat(ImportedKeys.read(jdbc, 1, "TH")).isEmpty();
        assertThat(ImportedKeys.read(jdbc, 1, "NI")).isEqualTo(keys(2));
    }

    @Test
    void aDamagedBlockIsAnErrorNamingItNotFewerKeys() {
        byte[] bytes = ImportedKeys.blocks(keys(4)).get(0).bytes();

        assertThatThrownBy(() -> ImportedKeys.decode(Arrays.copyOf(bytes, bytes.length - 3), 4, "block 1", new ArrayList<>()))
                .hasMessage("block 1 is damaged: it ends before its 4 keys");
        assertThatThrownBy(() -> ImportedKeys.decode(bytes, 3, "block 1", new ArrayList<>()))
                .hasMessageStartingWith("block 1 is damaged: ").hasMessageEndingWith(" bytes follow its 3 keys");
    }
}
