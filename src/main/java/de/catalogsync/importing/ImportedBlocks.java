package de.catalogsync.importing;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.util.Native;

import de.catalogsync.normalise.Land;
import de.catalogsync.normalise.Offering;

/**
 * Where an import's offerings live: table {@code imported_block}, each row a block of up to a few thousand offerings
 * in {@link OfferingCodec}'s form, numbered 1, 2, ... in the import's key order ({@link SortedRuns#ORDER}). A
 * state's offerings are the blocks of its last good import.
 * <p>
 * One table row per offering cost the import most of its time in the database's per-row work (index entries, undo
 * log, page serialisation of 22 columns), at 16 x 100k rows about 40 % of the import threads' CPU. Nothing reads an
 * import other than whole and in key order (the merge's comparison with the state's previous import, the publish,
 * the change file), so blocks lose no query the application makes; what an operator loses is ad-hoc SQL on single
 * offerings, which the published files and the merged tables answer instead.
 * <p>
 * A block is stored compressed: the byte {@code 'Z'} ({@link #ZSTD}), the length of its rows (4 bytes, big-endian)
 * and one zstd frame (level 1, with its content checksum). The rows of a block are in key order, so neighbours mostly
 * share their service's texts: the benchmark's blocks shrink about elevenfold (its 16 x 1,000,000-row database from
 * 7.8 to 1.1 GB). zstd replaced zlib (level 1) on 2026-11-29: on the 2,560 blocks of a 16 x 100,000 run (669 MB of
 * rows) it compressed at about 1,150 MB/s against 400, decompressed at about 2,600 MB/s against 900, and to 1/10.8
 * of the rows against 1/9.0. Where zstd's native library cannot be loaded, blocks are deflated as before.
 * <p>
 * Blocks of earlier versions stay readable: a deflated one starts with {@code 'D'} ({@link #DEFLATED}), its length
 * and a zlib stream (level 1, with its Adler-32 checksum); one stored whole starts with its first row's length, whose
 * first byte is 0 (no row comes near 16 MB).
 */
public final class ImportedBlocks {

    /**
     * Bytes per block at most (one offering may exceed it alone); a block also ends after a chunk's worth of rows. A
     * quarter of a megabyte keeps a block below half of G1's smallest region: under -Xmx512m every 2 MB block (and
     * H2's copies of it, and the write buffer of each commit, which then outgrew the one H2 keeps) was a humongous
     * object, and each of those starts a concurrent GC cycle.
     */
    static final int MAX_BYTES = 256 << 10;

    /** Blocks stored per transaction and fetched per query: about 2 MB, as many commits and queries as before. */
    static final int BLOCKS_PER_BATCH = 8;

    /** First byte of a block compressed with zstd; a block stored whole starts with 0. */
    static final byte ZSTD = 'Z';

    /** zstd's fastest regular level: on the benchmark's blocks it compressed better than zlib's level 1 too. */
    private static final int ZSTD_LEVEL = 1;

    /** First byte of a deflated block (before zstd, or where zstd cannot be loaded). */
    static final byte DEFLATED = 'D';

    private static final Logger log = LoggerFactory.getLogger(ImportedBlocks.class);

    /** Why zstd's native library could not be loaded here, or null when it was. */
    private static final String ZSTD_UNAVAILABLE = loadZstd();

    /** More rows than a block can hold: {@link #MAX_BYTES} and one more row, which the catalogue's widths bound. */
    private static final int MAX_ROWS_BYTES = 16 << 20;

    private ImportedBlocks() {
    }

    /** How many offerings an import holds. */
    public static long rows(JdbcTemplate jdbc, long instanceId, String state) {
        Long n = jdbc.queryForObject("""
                select coalesce(sum(row_count), 0) from imported_block where job_instance_id = ? and state = ?""",
                Long.class, instanceId, state);
        return n == null ? 0 : n;
    }

    /** The number of an import's last block, 0 when it has none. */
    static long lastBlock(JdbcTemplate jdbc, long instanceId, String state) {
        Long n = jdbc.queryForObject("""
                select coalesce(max(block_no), 0) from imported_block where job_instance_id = ? and state = ?""",
                Long.class, instanceId, state);
        return n == null ? 0 : n;
    }

    /**
     * Gathers an import's sorted rows into blocks and stores them, {@value #BLOCKS_PER_BATCH} at a time, numbered on
     * from the last one stored (so that a resumed load continues the numbering). The caller decides the transaction of
     * each store.
     */
    static final class BlockWriter {

        private static final String INSERT = """
                insert into imported_block (job_instance_id, state, block_no, row_count, data) values (?, ?, ?, ?, ?)""";

        private final long instanceId;
        private final String state;
        private final int maxRows;
        private final OfferingCodec codec = new OfferingCodec();
        private final List<Object[]> full = new ArrayList<>(BLOCKS_PER_BATCH);
        /** Where each block is compressed: one buffer for all, as one encoder gathers them. */
        private byte[] scratch = new byte[0];
        private int rows;
        private int rowsInFull;
        private long blockNo;

        BlockWriter(long instanceId, String state, int maxRows, long lastBlock) {
            this.instanceId = instanceId;
            this.state = state;
            this.maxRows = maxRows;
            this.blockNo = lastBlock;
        }

        /**
         * Adds a row as {@link SortedRuns.Row#bytes()} holds it; true when a batch of blocks, or a chunk's worth of
         * rows, is due to be stored.
         */
        boolean add(byte[] row) {
            codec.writeRaw(row);
            if (++rows == maxRows || codec.length() >= MAX_BYTES) {
                endBlock();
            }
            return full.size() == BLOCKS_PER_BATCH || rowsInFull >= maxRows;
        }

        private void endBlock() {
            if (rows > 0) {
                int room = scratchSize(codec.length());
                if (scratch.length < room) {
                    scratch = new byte[room];
                }
                full.add(new Object[] {instanceId, state, ++blockNo, rows, pack(codec.buffer(), codec.length(), scratch)});
                rowsInFull += rows;
                codec.reset();
                rows = 0;
            }
        }

        /** Stores the rows gathered since the last store, if any, as the next blocks. */
        void store(JdbcTemplate jdbc) {
            endBlock();
            if (!full.isEmpty()) {
                jdbc.batchUpdate(INSERT, full);
                full.clear();
                rowsInFull = 0;
            }
        }
    }

    private static String loadZstd() {
        try {
            Native.load();
            return null;
        } catch (LinkageError | RuntimeException e) { // extracted to java.io.tmpdir: a read-only or noexec one fails
            String reason = e.toString();
            log.warn("zstd's native library cannot be loaded ({}): imported blocks are deflated with zlib instead, "
                    + "at about a third of the speed", reason);
            return reason;
        }
    }

    /**
     * A block's rows as they are stored: compressed with zstd behind {@link #ZSTD} and their length (deflated behind
     * {@link #DEFLATED} where zstd cannot be loaded), or whole when that is no smaller. {@code scratch} holds the
     * compressed bytes on the way when it has room for them.
     */
    static byte[] pack(byte[] rows, int length, byte[] scratch) {
        if (ZSTD_UNAVAILABLE != null) {
            return deflate(rows, length, scratch);
        }
        int room = scratchSize(length);
        byte[] out = scratch.length >= room ? scratch : new byte[room];
        // zstd-jni throws a ZstdException for an error code: none is expected with room for the bound
        long n = Zstd.compressByteArray(out, 5, out.length - 5, rows, 0, length, ZSTD_LEVEL, true);
        if (5 + n >= length) {
            return Arrays.copyOf(rows, length); // incompressible: stored whole
        }
        return withHeader(out, ZSTD, length, 5 + (int) n);
    }

    /** The compressed bytes {@code out[5, end)} behind their marker and the rows' length (big-endian). */
    private static byte[] withHeader(byte[] out, byte marker, int length, int end) {
        ByteBuffer.wrap(out).put(0, marker).putInt(1, length);
        return Arrays.copyOf(out, end);
    }

    /** The room {@link #pack} wants in its scratch buffer for rows of {@code length} bytes. */
    static int scratchSize(int length) {
        return 5 + (ZSTD_UNAVAILABLE == null ? (int) Zstd.compressBound(length) : length);
    }

    /** As {@link #pack}, deflated with zlib (level 1) behind {@link #DEFLATED}: blocks where zstd cannot be loaded. */
    static byte[] deflate(byte[] rows, int length, byte[] scratch) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED); // zlib's format: its checksum shows a damaged block
        try {
            deflater.setInput(rows, 0, length);
            deflater.finish();
            byte[] out = scratch.length >= 5 + length ? scratch : new byte[5 + length];
            int n = 5;
            while (!deflater.finished() && n < out.length) {
                n += deflater.deflate(out, n, out.length - n);
            }
            if (!deflater.finished()) {
                return Arrays.copyOf(rows, length); // incompressible: stored whole
            }
            return withHeader(out, DEFLATED, length, n);
        } finally {
            deflater.end();
        }
    }

    /** A stored block's rows; {@code where} names the block in an error. */
    static byte[] unpack(byte[] stored, String where) {
        if (stored.length == 0 || (stored[0] != ZSTD && stored[0] != DEFLATED)) {
            return stored;
        }
        if (stored.length < 5) {
            throw new IllegalStateException(where + " is damaged: it ends inside its header");
        }
        int length = ByteBuffer.wrap(stored).getInt(1);
        if (length < 0 || length > MAX_ROWS_BYTES) { // no allocation of gigabytes for a damaged header
            throw new IllegalStateException(where + " is damaged: its header gives a length of " + length);
        }
        return stored[0] == ZSTD ? unzstd(stored, length, where) : inflate(stored, length, where);
    }

    private static byte[] unzstd(byte[] stored, int length, String where) {
        if (ZSTD_UNAVAILABLE != null) {
            throw new IllegalStateException(where + " is compressed with zstd, whose native library cannot be loaded "
                    + "here: " + ZSTD_UNAVAILABLE);
        }
        byte[] rows = new byte[length];
        long n;
        try {
            n = Zstd.decompressByteArray(rows, 0, length, stored, 5, stored.length - 5);
        } catch (ZstdException e) {
            // a damaged frame, one whose content checksum does not match its rows, or one with more rows than the
            // header says (they do not fit)
            throw new IllegalStateException(where + " is damaged: " + e.getMessage(), e);
        }
        if (n != length) {
            throw new IllegalStateException(where + " is damaged: its rows do not end where its header says ("
                    + length + " bytes)");
        }
        return rows;
    }

    private static byte[] inflate(byte[] stored, int length, String where) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored, 5, stored.length - 5);
            byte[] rows = new byte[length];
            int n = 0;
            while (n < length) {
                int got = inflater.inflate(rows, n, length - n);
                if (got == 0) {
                    break; // the stream ended early, or is cut off
                }
                n += got;
            }
            // to its end, where zlib checks the rows against their Adler-32 checksum
            boolean longer = n == length && !inflater.finished() && inflater.inflate(new byte[1]) > 0;
            if (n != length || longer || !inflater.finished()) {
                throw new IllegalStateException(where + " is damaged: its rows do not end where its header says ("
                        + length + " bytes)");
            }
            return rows;
        } catch (DataFormatException e) {
            throw new IllegalStateException(where + " is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /**
     * Deletes an import's blocks and what was counted from them, one batch of blocks (about 2 MB) per statement: H2
     * writes a deleted row's whole value into its undo log, and twenty 2 MB blocks in one transaction made it ask for
     * a 68 MB buffer beside a running publish, which ran the heap out under -Xmx512m (and H2 closed the database).
     * Returns the offerings deleted.
     */
    public static long delete(JdbcTemplate jdbc, long instanceId, String state) {
        ImportedKeys.delete(jdbc, instanceId, state);
        long deleted = rows(jdbc, instanceId, state);
        long last = lastBlock(jdbc, instanceId, state);
        for (long from = 1; from <= last; from += BLOCKS_PER_BATCH) {
            jdbc.update("""
                    delete from imported_block where job_instance_id = ? and state = ? and block_no between ? and ?""",
                    instanceId, state, from, from + BLOCKS_PER_BATCH - 1);
        }
        return deleted;
    }

    /**
     * Stores an import whose offerings come in any order ({@code rows} hands each to its consumer: the rows of the
     * table that held them before) as blocks in key order, sorting them through sorted runs under {@code spill}, and
     * returns each key's smallest name and OZG-ID. For the schema migration, on its connection.
     */
    public static List<KeyName> migrate(JdbcTemplate jdbc, Path spill, long instanceId, Land land,
                               Consumer<Consumer<Offering>> rows, int blockRows) {
        SortedRuns runs = new SortedRuns(spill, instanceId, land);
        OfferingCodec codec = new OfferingCodec(); // one for all chunks, as the import keeps one (see SortedRuns)
        List<Offering> chunk = new ArrayList<>(blockRows);
        long[] spilled = {0};
        rows.accept(o -> {
            chunk.add(o);
            if (chunk.size() == blockRows) {
                runs.write(spilled[0] + 1, chunk, codec);
                spilled[0] += chunk.size();
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            runs.write(spilled[0] + 1, chunk, codec);
        }
        if (!runs.exist()) {
            return List.of();
        }
        KeyTally keys = new KeyTally();
        BlockWriter blocks = new BlockWriter(instanceId, land.name(), blockRows, 0);
        try (SortedRuns.Merged merged = runs.merged()) {
            for (SortedRuns.Row row = merged.next(); row != null; row = merged.next()) {
                OfferingCodec.Head head = row.head();
                keys.add(head.leistungsschluessel(), head.reifegrad(), head.bezeichnung(), head.ozgId());
                if (blocks.add(row.bytes())) {
                    blocks.store(jdbc);
                }
            }
        }
        blocks.store(jdbc);
        runs.delete();
        return keys.keys().stream().map(k -> new KeyName(k.leistungsschluessel(), k.bezeichnung(), k.ozgId())).toList();
    }

    /** A key's smallest name and OZG-ID in an import. */
    public record KeyName(String leistungsschluessel, String bezeichnung, String ozgId) {
    }

    /** An import's offerings in key order, one block in memory at a time. */
    public static Cursor cursor(JdbcTemplate jdbc, long instanceId, String state) {
        return new Cursor(jdbc, instanceId, Land.valueOf(state));
    }

    /** Every offering of an import, in key order: for tests and small imports only. */
    public static List<Offering> all(JdbcTemplate jdbc, long instanceId, String state) {
        List<Offering> all = new ArrayList<>();
        Cursor cursor = cursor(jdbc, instanceId, state);
        for (Offering o = cursor.next(); o != null; o = cursor.next()) {
            all.add(o);
        }
        return all;
    }

    /** Reads an import block by block; {@link #peek()} and {@link #next()} return null after the last offering. */
    public static final class Cursor {

        private final JdbcTemplate jdbc;
        private final long instanceId;
        private final Land land;
        private final OfferingCodec.Decoder decoder;
        private final java.util.ArrayDeque<byte[]> fetched = new java.util.ArrayDeque<>(BLOCKS_PER_BATCH);
        private byte[] block = new byte[0];
        private int at;
        private long blockNo;
        private boolean exhausted;
        private Offering head;
        private OfferingCodec.Head rowHead;
        private byte[] rowBlock;
        private int rowStart;
        private int rowEnd;
        private int provenanceStart;
        private int provenanceEnd;

        private Cursor(JdbcTemplate jdbc, long instanceId, Land land) {
            this.jdbc = jdbc;
            this.instanceId = instanceId;
            this.land = land;
            this.decoder = new OfferingCodec.Decoder(land);
        }

        public Offering peek() {
            if (head == null && !exhausted) {
                head = read();
            }
            return head;
        }

        public Offering next() {
            Offering o = peek();
            head = null;
            return o;
        }

        /**
         * Moves to the next row to read its head ({@link #head()}: what a list of changes shows) or compare it
         * ({@link #sameServiceAs}) without decoding it whole; false after the last. Not to be mixed with
         * {@link #next()}.
         */
        public boolean nextRow() {
            if (!advance()) {
                rowHead = null;
                return false;
            }
            rowBlock = block;
            rowStart = at + 4;
            rowEnd = rowStart + OfferingCodec.rowLength(block, at);
            rowHead = decoder.readHead(block, rowStart);
            provenanceStart = decoder.provenanceStart();
            provenanceEnd = decoder.provenanceEnd();
            at = rowEnd;
            return true;
        }

        /** The head of the row {@link #nextRow} moved to. */
        public OfferingCodec.Head head() {
            return rowHead;
        }

        /**
         * Whether this cursor's row and {@code other}'s describe the same service: their bytes are equal outside the
         * provenance (row number, line, file, element), as the encoding of equal values is equal.
         */
        public boolean sameServiceAs(Cursor other) {
            return Arrays.equals(rowBlock, rowStart, provenanceStart, other.rowBlock, other.rowStart,
                    other.provenanceStart)
                    && Arrays.equals(rowBlock, provenanceEnd, rowEnd, other.rowBlock, other.provenanceEnd, other.rowEnd);
        }

        private Offering read() {
            if (!advance()) {
                return null;
            }
            Offering o = decoder.read(block, at + 4);
            at += 4 + OfferingCodec.rowLength(block, at);
            return o;
        }

        /** Whether a row is left, fetching the next block when this one is through. */
        private boolean advance() {
            while (at >= block.length) {
                if (exhausted || !fetch()) {
                    exhausted = true;
                    return false;
                }
            }
            return true;
        }

        private boolean fetch() {
            if (fetched.isEmpty()) {
                fetched.addAll(jdbc.query("""
                        select data from imported_block
                        where job_instance_id = ? and state = ? and block_no between ? and ? order by block_no""",
                        (rs, i) -> rs.getBytes(1), instanceId, land.name(), blockNo + 1, blockNo + BLOCKS_PER_BATCH));
            }
            if (fetched.isEmpty()) {
                block = new byte[0];
                at = 0;
                return false;
            }
            blockNo++;
            block = unpack(fetched.poll(), "block " + blockNo + " of " + land.name() + "'s import " + instanceId);
            at = 0;
            return true;
        }
    }
}
