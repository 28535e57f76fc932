package de.catalogsync.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import de.catalogsync.normalise.Offering;

/**
 * Counts one import's offerings per LeiKa key and maturity level from rows that arrive in key order. Only the
 * current key's levels are open at a time; the result holds one entry per key and level, so it grows with the
 * catalogue's keys (a few thousand), not with its rows. State-local services (no key) are not counted.
 */
final class MaturityTally {

    /** The level recorded for offerings that give none. */
    static final int NONE = -1;

    record Count(String leistungsschluessel, int reifegrad, long anzahl) {
    }

    private final List<Count> counts = new ArrayList<>();
    private final Map<Integer, Long> open = new TreeMap<>();
    private String key;

    void add(String identity, int reifegrad) {
        if (identity.startsWith(Offering.LOCAL_IDENTITY_PREFIX)) {
            return;
        }
        if (!identity.equals(key)) {
            if (key != null && identity.compareTo(key) < 0) {
                throw new IllegalStateException("rows out of key order: " + identity + " after " + key);
            }
            close();
            key = identity;
        }
        open.merge(reifegrad, 1L, Long::sum);
    }

    List<Count> counts() {
        close();
        return counts;
    }

    private void close() {
        for (Map.Entry<Integer, Long> level : open.entrySet()) {
            counts.add(new Count(key, level.getKey(), level.getValue()));
        }
        open.clear();
    }
}
