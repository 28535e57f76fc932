package de.catalogsync.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import de.catalogsync.normalise.Land;
import de.catalogsync.normalise.Offering;
import de.catalogsync.normalise.Provenance;

class ImportedBlocksTest {

    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:blocks;DB_CLOSE_DELAY=-1", "sa", "", true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void dropDatabase() {
        jdbc.execute("drop all objects");
        dataSource.destroy();
    }

    /** 500 offerings of about 17 KB each, in key order. */
    private static List<Offering> bigOfferings() {
        List<Offering> offerings = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            offerings.add(new Offering(String.format("99%012d", i), Land.TH, "160510000000", "TH-" + i, "Leistung " + i,
                    ("Beschreibung " + i + " ").repeat(1200), "1", null, 2, "OZG", null, "Stadt Erfurt", null, null,
                    null, new Provenance("th.csv", i + 2, i + 1, null)));
        }
        return offerings;
    }

    @Test
    void aBigImportIsStoredInQuarterMegabyteBlocksAndReadBackWholeAndInOrderAcrossFetches() {
        List<Offering> offerings = bigOfferings();
        ImportedBlocks.BlockWriter blocks = new ImportedBlocks.BlockWriter(1, "TH", 5000, 0);
        OfferingCodec codec = new OfferingCodec();
        int stores = 0;
        for (Offering o : offerings) {
            codec.reset();
            codec.write(o);
            if (blocks.add(Arrays.copyOfRange(codec.buffer(), 4, codec.length()))) {
                blocks.store(jdbc);
                stores++;
            }
        }
        blocks.store(jdbc);

        List<Integer> sizes = jdbc.queryForList("select octet_length(data) from imported_block order by block_no",
                Integer.class);
        assertThat(sizes).hasSizeGreaterThan(3 * ImportedBlocks.BLOCKS_PER_BATCH)
                .allSatisfy(size -> assertThat(size).isLessThan(ImportedBlocks.MAX_BYTES + 25_000));
        assertThat(jdbc.queryForList("select block_no from imported_block order by block_no", Long.class))
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, sizes.size()).boxed().toList());
        assertThat(stores).isEqualTo(sizes.size() / ImportedBlocks.BLOCKS_PER_BATCH);
        assertThat(ImportedBlocks.all(jdbc, 1, "TH")).containsExactlyElementsOf(offerings);
        assertThat(ImportedBlocks.rows(jdbc, 1, "TH")).isEqualTo(500);

        assertThat(ImportedBlocks.delete(jdbc, 1, "TH")).isEqualTo(500);
        assertThat(jdbc.queryForObject("select count(*) from imported_block", Long.class)).isZero();
    }
}
