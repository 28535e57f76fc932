package de.catalogsync.importing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One state's import in consecutive ranges of its row numbers (seq), so that work on millions of rows (change
 * records, deletions) can commit slice by slice along the primary key instead of in one transaction that grows
 * with the size of a state.
 */
public final class ImportSlices {

    /** Row numbers per slice. */
    public static final int SIZE = 20_000;

    /** Work on the rows with {@code fromSeq <= seq < toSeq}; returns how many rows it wrote. */
    public interface Slice {
        long handle(long fromSeq, long toSeq);
    }

    private ImportSlices() {
    }

    /** Calls {@code slice} for each range of the import's row numbers, first to last; returns the sum of its results. */
    public static long forEach(JdbcTemplate jdbc, long instanceId, String state, Slice slice) {
        long[] range = jdbc.queryForObject("""
                select min(seq), max(seq) from imported_offering where job_instance_id = ? and state = ?""",
                (rs, i) -> rs.getObject(1) == null ? null : new long[] {rs.getLong(1), rs.getLong(2)}, instanceId, state);
        long written = 0;
        if (range != null) {
            for (long from = range[0]; from <= range[1]; from += SIZE) {
                written += slice.handle(from, from + SIZE);
            }
        }
        return written;
    }
}
