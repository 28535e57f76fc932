package de.catalogsync.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

/**
 * Comparator (a), the floor: a bare loop that parses every file ({@link RawRows}) and inserts the raw rows with
 * plain JDBC batches into the fresh database its caller made (H2 file, or a PostgreSQL schema with --postgres), one
 * thread, no rule, no index, no framework. A job that also normalises, validates and keeps a restartable job
 * repository should not expect to beat it.
 */
final class FloorLoad {

    static final int BATCH = 5000;

    private FloorLoad() {
    }

    static Timing run(List<BenchDataset.StateFile> files, BenchDatabase db, String name) throws Exception {
        try (Connection c = db.connect(name)) {
            try (Statement st = c.createStatement()) {
                st.execute(createTable("raw_row"));
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            long rows = 0;
            try (PreparedStatement ps = c.prepareStatement(insert("raw_row"))) {
                int fileNo = 0;
                for (BenchDataset.StateFile file : files) {
                    fileNo++;
                    long seq = 0;
                    int pending = 0;
                    try (RawRows in = RawRows.open(file)) {
                        String[] row;
                        while ((row = in.next()) != null) {
                            ps.setInt(1, fileNo);
                            ps.setLong(2, ++seq);
                            for (int i = 0; i < RawRows.WIDTH; i++) {
                                ps.setString(3 + i, row[i]);
                            }
                            ps.addBatch();
                            if (++pending == BATCH) {
                                ps.executeBatch();
                                c.commit();
                                pending = 0;
                            }
                        }
                    }
                    if (pending > 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                    rows += seq;
                }
            }
            return new Timing(rows, (System.nanoTime() - start) / 1e9);
        }
    }

    static String createTable(String name) {
        StringBuilder sb = new StringBuilder("create table " + name + " (file_no int not null, seq bigint not null");
        for (int i = 1; i <= RawRows.WIDTH; i++) {
            sb.append(", c").append(i).append(" varchar(20000)");
        }
        return sb.append(')').toString();
    }

    static String insert(String name) {
        StringBuilder sb = new StringBuilder("insert into " + name + " values (?, ?");
        for (int i = 0; i < RawRows.WIDTH; i++) {
            sb.append(", ?");
        }
        return sb.append(')').toString();
    }
}
