package de.catalogsync.merge;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import de.catalogsync.importing.ImportedBlocks;
import de.catalogsync.importing.OfferingCodec;
import de.catalogsync.normalise.Offering;

/**
 * Records what an accepted import adds, changes and removes against the state's current import, in one pass over
 * both: they are stored in the same key order, so walking them side by side pairs every offering with its
 * predecessor (identity is state, key or local id, and area). "Changed" compares every published field except the
 * provenance (file, line, element): a row that merely moved down the file is the same service. The rows are
 * compared as stored, byte for byte outside their provenance, without decoding them. The records are
 * written in batches of {@value #BATCH}, each committed on its own, so that no transaction grows with the size of a
 * state; a repeated merge starts the state's records over.
 */
final class ChangeRecorder {

    static final int BATCH = 5000;

    private static final String INSERT_CHANGE = """
            insert into change (job_instance_id, state, kind, identity, gebiet_id, leistungsschluessel, source_id,
                bezeichnung)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    ChangeRecorder(JdbcTemplate jdbc, TransactionTemplate ownTransaction) {
        this.jdbc = jdbc;
        this.ownTransaction = ownTransaction;
    }

    /** Returns how many changes were recorded. */
    long record(long instanceId, String state, Long current) {
        ownTransaction.executeWithoutResult(tx ->
                jdbc.update("delete from change where job_instance_id = ? and state = ?", instanceId, state));
        if (current == null) {
            return 0; // a first import adds all its rows: import_result.all_added says so, the change file lists them
        }
        ImportedBlocks.Cursor now = ImportedBlocks.cursor(jdbc, instanceId, state);
        ImportedBlocks.Cursor before = ImportedBlocks.cursor(jdbc, current, state);
        List<Object[]> batch = new ArrayList<>(BATCH);
        long recorded = 0;
        boolean hasNow = now.nextRow();
        boolean hasBefore = before.nextRow();
        while (hasNow || hasBefore) {
            int order = !hasNow ? 1 : !hasBefore ? -1 : compare(now.head(), before.head());
            Object[] change = null;
            if (order < 0) {
                change = change(instanceId, state, "ADDED", now.head());
                hasNow = now.nextRow();
            } else if (order > 0) {
                change = change(instanceId, state, "REMOVED", before.head());
                hasBefore = before.nextRow();
            } else {
                if (!now.sameServiceAs(before)) {
                    change = change(instanceId, state, "CHANGED", now.head());
                }
                hasNow = now.nextRow();
                hasBefore = before.nextRow();
            }
            if (change != null) {
                batch.add(change);
                recorded++;
                if (batch.size() == BATCH) {
                    flush(batch);
                }
            }
        }
        flush(batch);
        return recorded;
    }

    private void flush(List<Object[]> batch) {
        if (!batch.isEmpty()) {
            ownTransaction.executeWithoutResult(tx -> jdbc.batchUpdate(INSERT_CHANGE, batch));
            batch.clear();
        }
    }

    private static int compare(OfferingCodec.Head a, OfferingCodec.Head b) {
        return Offering.compareKeys(a.leistungsschluessel(), a.sourceId(), a.gebietId(), b.leistungsschluessel(),
                b.sourceId(), b.gebietId());
    }

    /** A removed offering keeps its last known key, id and name: the tombstone consumers see. */
    private static Object[] change(long instanceId, String state, String kind, OfferingCodec.Head o) {
        return new Object[] {instanceId, state, kind, Offering.identityOf(o.leistungsschluessel(), o.sourceId()),
                o.gebietId(), o.leistungsschluessel(), o.sourceId(), o.bezeichnung()};
    }
}
