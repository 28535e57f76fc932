package de.catalogsync.importing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

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
 */
public final class ImportedBlocks {

    /** Bytes per block at most (one offering may exceed it alone); a block also ends after a chunk's worth of rows. */
    static final int MAX_BYTES = 2 << 20;

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

    /** Stores the rows {@code codec} holds as block {@code blockNo} of the import. */
    static void insert(JdbcTemplate jdbc, long instanceId, String state, long blockNo, int rowCount,
                       OfferingCodec codec) {
        byte[] data = Arrays.copyOf(codec.buffer(), codec.length());
        jdbc.update("""
                insert into imported_block (job_instance_id, state, block_no, row_count, data) values (?, ?, ?, ?, ?)""",
                instanceId, state, blockNo, rowCount, data);
    }

    /**
     * Deletes an import's blocks and what was counted from them, one block per statement: H2 writes a deleted row's
     * whole value into its undo log, and twenty 2 MB blocks in one transaction made it ask for a 68 MB buffer
     * beside a running publish, which ran the heap out under -Xmx512m (and H2 closed the database). Returns the
     * offerings deleted.
     */
    public static long delete(JdbcTemplate jdbc, long instanceId, String state) {
        jdbc.update("delete from import_summary where job_instance_id = ? and state = ?", instanceId, state);
        jdbc.update("delete from import_key_name where job_instance_id = ? and state = ?", instanceId, state);
        long deleted = 0;
        List<long[]> blocks = jdbc.query("""
                select block_no, row_count from imported_block where job_instance_id = ? and state = ? order by block_no""",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, instanceId, state);
        for (long[] block : blocks) {
            deleted += jdbc.update("""
                    delete from imported_block where job_instance_id = ? and state = ? and block_no = ?""",
                    instanceId, state, block[0]) * block[1];
        }
        return deleted;
    }

    /** The offerings of an import in any order, for {@link #migrate}. */
    public interface Rows {
        void forEach(Consumer<Offering> each) throws SQLException;
    }

    /**
     * Stores an import whose offerings come in any order (the rows of the table that held them before) as blocks in
     * key order, sorting them through sorted runs under {@code spill}, and notes each key's smallest name. For the
     * schema migration, on its connection.
     */
    public static void migrate(Connection c, Path spill, long instanceId, Land land, Rows rows, int blockRows)
            throws SQLException {
        SortedRuns runs = new SortedRuns(spill, instanceId, land);
        List<Offering> chunk = new ArrayList<>(blockRows);
        long[] spilled = {0};
        rows.forEach(o -> {
            chunk.add(o);
            if (chunk.size() == blockRows) {
                runs.write(spilled[0] + 1, chunk);
                spilled[0] += chunk.size();
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            runs.write(spilled[0] + 1, chunk);
        }
        if (!runs.exist()) {
            return;
        }
        KeyNames names = new KeyNames();
        OfferingCodec codec = new OfferingCodec();
        try (PreparedStatement insert = c.prepareStatement("""
                insert into imported_block (job_instance_id, state, block_no, row_count, data) values (?, ?, ?, ?, ?)""");
             SortedRuns.Merged merged = runs.merged()) {
            int inBlock = 0;
            long blockNo = 0;
            for (SortedRuns.Row row = merged.next(); row != null; row = merged.next()) {
                names.add(row.head().leistungsschluessel(), row.head().bezeichnung(), row.head().ozgId());
                codec.writeRaw(row.bytes());
                if (++inBlock == blockRows || codec.length() >= MAX_BYTES) {
                    insertBlock(insert, instanceId, land, ++blockNo, inBlock, codec);
                    inBlock = 0;
                }
            }
            if (inBlock > 0) {
                insertBlock(insert, instanceId, land, ++blockNo, inBlock, codec);
            }
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into import_key_name (job_instance_id, state, leistungsschluessel, bezeichnung, ozg_id)
                values (?, ?, ?, ?, ?)""")) {
            for (KeyNames.Name n : names.names()) {
                insert.setLong(1, instanceId);
                insert.setString(2, land.name());
                insert.setString(3, n.leistungsschluessel());
                insert.setString(4, n.bezeichnung());
                insert.setString(5, n.ozgId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        runs.delete();
    }

    private static void insertBlock(PreparedStatement insert, long instanceId, Land land, long blockNo, int rowCount,
                                    OfferingCodec codec) throws SQLException {
        insert.setLong(1, instanceId);
        insert.setString(2, land.name());
        insert.setLong(3, blockNo);
        insert.setInt(4, rowCount);
        insert.setBytes(5, Arrays.copyOf(codec.buffer(), codec.length()));
        insert.executeUpdate();
        codec.reset();
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
         * The next offering's head only (key, id, area, name, ...: what a list of changes shows), or null after the
         * last; cheaper than {@link #next()}, which it must not be mixed with.
         */
        public OfferingCodec.Head nextHead() {
            if (!advance()) {
                return null;
            }
            OfferingCodec.Head h = decoder.readHead(block, at + 4);
            at += 4 + OfferingCodec.rowLength(block, at);
            return h;
        }

        /**
         * Moves to the next row to compare it ({@link #head()}, {@link #sameServiceAs}) without decoding it whole;
         * false after the last. Not to be mixed with {@link #next()}.
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
            List<byte[]> next = jdbc.query("""
                    select data from imported_block where job_instance_id = ? and state = ? and block_no = ?""",
                    (rs, i) -> rs.getBytes(1), instanceId, land.name(), blockNo + 1);
            if (next.isEmpty()) {
                block = new byte[0];
                at = 0;
                return false;
            }
            blockNo++;
            block = next.get(0);
            at = 0;
            return true;
        }
    }
}
