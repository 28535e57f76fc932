package de.catalogsync.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.github.luben.zstd.Zstd;

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

    /** Rows as the sorted runs hand them to the load: their fields without their length. */
    private static byte[] rowBytes(Offering o) {
        OfferingCodec codec = new OfferingCodec();
        codec.write(o);
        return Arrays.copyOfRange(codec.buffer(), 4, codec.length());
    }

    private static byte[] rawBlock(List<Offering> offerings) {
        OfferingCodec codec = new OfferingCodec();
        offerings.forEach(codec::write);
        return Arrays.copyOf(codec.buffer(), codec.length());
    }

    @Test
    void blocksAreStoredCompressedWithZstdBehindTheirMarkerAndLengthAndReadBackAsWritten() {
        List<Offering> offerings = bigOfferings().subList(0, 40);
        ImportedBlocks.BlockWriter blocks = new ImportedBlocks.BlockWriter(1, "TH", 5000, 0);
        offerings.forEach(o -> blocks.add(rowBytes(o)));
        blocks.store(jdbc);

        byte[] stored = jdbc.queryForObject("select data from imported_block where block_no = 1", byte[].class);
        byte[] rows = rawBlock(offerings.subList(0, jdbc.queryForObject(
                "select row_count from imported_block where block_no = 1", Integer.class)));
        assertThat(stored[0]).isEqualTo(ImportedBlocks.ZSTD);
        assertThat(ByteBuffer.wrap(stored).getInt(1)).isEqualTo(rows.length);
        assertThat(Zstd.getFrameContentSize(stored, 5, stored.length - 5)).as("one zstd frame").isEqualTo(rows.length);
        assertThat(stored.length).as("texts repeated from row to row compress well").isLessThan(rows.length / 20);
        assertThat(ImportedBlocks.unpack(stored, "block 1")).isEqualTo(rows);
        assertThat(ImportedBlocks.all(jdbc, 1, "TH")).containsExactlyElementsOf(offerings);
    }

    @Test
    void aBlockStoredWholeByAnEarlierVersionIsReadAsItIs() {
        List<Offering> offerings = bigOfferings().subList(0, 3);
        jdbc.update("insert into imported_block (job_instance_id, state, block_no, row_count, data) values (?, ?, ?, ?, ?)",
                1, "TH", 1, 3, rawBlock(offerings));

        assertThat(ImportedBlocks.all(jdbc, 1, "TH")).containsExactlyElementsOf(offerings);
    }

    @Test
    void aBlockDeflatedByAnEarlierVersionIsReadAsItWasWritten() {
        List<Offering> offerings = bigOfferings().subList(0, 40);
        byte[] rows = rawBlock(offerings);
        byte[] deflated = ImportedBlocks.deflate(rows, rows.length, new byte[0]);
        assertThat(deflated[0]).isEqualTo(ImportedBlocks.DEFLATED);
        jdbc.update("insert into imported_block (job_instance_id, state, block_no, row_count, data) values (?, ?, ?, ?, ?)",
                1, "TH", 1, 40, deflated);

        assertThat(ImportedBlocks.all(jdbc, 1, "TH")).containsExactlyElementsOf(offerings);
    }

    /** Rows stored as this version stores them ("zstd") or as an earlier one, or one without zstd, did ("zlib"). */
    private static byte[] packWith(String compression, byte[] rows) {
        return compression.equals("zstd") ? ImportedBlocks.pack(rows, rows.length, new byte[0])
                : ImportedBlocks.deflate(rows, rows.length, new byte[0]);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zstd", "zlib"})
    void rowsThatDoNotCompressAreStoredWhole(String compression) {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);

        byte[] stored = packWith(compression, noise);

        assertThat(stored).isEqualTo(noise);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zstd", "zlib"})
    void aDamagedBlockIsAnErrorNamingTheBlockAndWhatIsWrong(String compression) {
        byte[] rows = rawBlock(bigOfferings().subList(0, 3));
        byte[] stored = packWith(compression, rows);
        assertThat(stored[0]).isEqualTo(compression.equals("zstd") ? ImportedBlocks.ZSTD : ImportedBlocks.DEFLATED);
        byte[] flipped = stored.clone();
        flipped[stored.length / 2] ^= 0x55;
        byte[] cut = Arrays.copyOf(stored, stored.length - 9);
        byte[] withoutChecksum = Arrays.copyOf(stored, stored.length - 4);
        byte[] longerHeader = stored.clone();
        longerHeader[4]++;
        byte[] shorterHeader = stored.clone();
        shorterHeader[4]--;
        byte[] hugeHeader = stored.clone();
        hugeHeader[1] = 0x7F;

        for (byte[] damaged : List.of(flipped, cut, withoutChecksum, longerHeader, shorterHeader, hugeHeader)) {
            assertThatThrownBy(() -> ImportedBlocks.unpack(damaged, "block 7 of TH's import 3"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("block 7 of TH's import 3 is damaged");
        }
        // refused from its header, before an array of two gigabytes is asked for
        assertThatThrownBy(() -> ImportedBlocks.unpack(hugeHeader, "block 7"))
                .hasMessageContaining("its header gives a length of " + ByteBuffer.wrap(hugeHeader).getInt(1));
    }
}
