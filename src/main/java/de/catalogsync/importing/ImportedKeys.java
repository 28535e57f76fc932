package de.catalogsync.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an import counted per LeiKa key ({@link KeyTally}): table {@code import_key_block}, the keys in key order in
 * blocks of at most {@link ImportedBlocks#MAX_BYTES} before they are compressed as the offerings' blocks are.
 * <p>
 * Until schema V12 they were a table row per key (import_key): about 2,900 rows per state whatever its size, 46,000
 * row inserts for 16 states, with their index entries and undo log. At 16 x 100,000 rows those were most of the
 * database's work during the import (about 180,000 of its 260,000 map operations), enough to make H2's insert path
 * hot and have the JIT compile it beside the import's own code on a 2-core machine. Nothing reads an import's keys
 * other than all of them, in the merge.
 */
public final class ImportedKeys {

    private static final String INSERT = """
            insert into import_key_block (job_instance_id, state, block_no, key_count, data) values (?, ?, ?, ?, ?)""";

    /** A null text: its length. */
    private static final int NULL = -1;

    private ImportedKeys() {
    }

    /** Replaces what an import counted and noted per key. The caller decides the transaction. */
    public static void store(JdbcTemplate jdbc, long instanceId, String state, List<KeyTally.Key> keys) {
        delete(jdbc, instanceId, state);
        List<Object[]> blocks = new ArrayList<>();
        for (Block block : blocks(keys)) { // one or two per import: pack allocates its own room
            blocks.add(new Object[] {instanceId, state, blocks.size() + 1, block.keys(),
                    ImportedBlocks.pack(block.bytes(), block.bytes().length, new byte[0])});
        }
        jdbc.batchUpdate(INSERT, blocks);
    }

    /** Deletes what an import counted per key. */
    static void delete(JdbcTemplate jdbc, long instanceId, String state) {
        jdbc.update("delete from import_key_block where job_instance_id = ? and state = ?", instanceId, state);
    }

    /** Every key an import counted, in key order. */
    public static List<KeyTally.Key> read(JdbcTemplate jdbc, long instanceId, String state) {
        List<KeyTally.Key> keys = new ArrayList<>();
        jdbc.query("""
                select block_no, key_count, data from import_key_block where job_instance_id = ? and state = ?
                order by block_no""", rs -> {
            String where = "block " + rs.getLong(1) + " of the keys of " + state + "'s import " + instanceId;
            decode(ImportedBlocks.unpack(rs.getBytes(3), where), rs.getInt(2), where, keys);
        }, instanceId, state);
        return keys;
    }

    /** The keys' bytes as blocks, each at most {@link ImportedBlocks#MAX_BYTES} unless one key alone is longer. */
    static List<Block> blocks(List<KeyTally.Key> keys) {
        List<Block> blocks = new ArrayList<>();
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        int inBlock = 0;
        for (KeyTally.Key key : keys) {
            one.reset();
            encode(key, new DataOutputStream(one));
            if (inBlock > 0 && block.size() + one.size() > ImportedBlocks.MAX_BYTES) {
                blocks.add(new Block(block.toByteArray(), inBlock));
                block.reset();
                inBlock = 0;
            }
            block.writeBytes(one.toByteArray());
            inBlock++;
        }
        if (inBlock > 0) {
            blocks.add(new Block(block.toByteArray(), inBlock));
        }
        return blocks;
    }

    /** A block's keys as they are stored, before compression. */
    record Block(byte[] bytes, int keys) {
    }

    private static void encode(KeyTally.Key key, DataOutputStream out) {
        try {
            writeText(out, key.leistungsschluessel());
            writeText(out, key.bezeichnung());
            writeText(out, key.ozgId());
            for (int level = KeyTally.NONE; level <= KeyTally.MAX_LEVEL; level++) {
                out.writeLong(key.anzahl(level));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: not expected
        }
    }

    static void decode(byte[] bytes, int count, String where, List<KeyTally.Key> into) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            for (int i = 0; i < count; i++) {
                String key = readText(in);
                String bezeichnung = readText(in);
                String ozgId = readText(in);
                long[] anzahl = new long[KeyTally.MAX_LEVEL + 2];
                for (int level = 0; level < anzahl.length; level++) {
                    anzahl[level] = in.readLong();
                }
                if (key == null) {
                    throw new IllegalStateException(where + " is damaged: key " + (i + 1) + " has no leistungsschluessel");
                }
                into.add(new KeyTally.Key(key, bezeichnung, ozgId, anzahl));
            }
            if (in.available() > 0) {
                throw new IllegalStateException(where + " is damaged: " + in.available() + " bytes follow its "
                        + count + " keys");
            }
        } catch (EOFException e) {
            throw new IllegalStateException(where + " is damaged: it ends before its " + count + " keys", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // from memory: not expected
        }
    }

    private static void writeText(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(NULL);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == NULL) {
            return null;
        }
        if (n < 0 || n > in.available()) {
            throw new EOFException("a text of " + n + " bytes");
        }
        byte[] utf8 = new byte[n];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
