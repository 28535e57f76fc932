package de.catalogsync.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Per LeiKa key of one import, from rows that arrive in key order: how many offerings it has at each maturity level,
 * and the smallest name and OZG-ID they give (nulls aside), which name a key missing from the reference catalogue in
 * the merged catalogue. Only the current key is open at a time; the result holds one entry per key, so it grows with
 * the catalogue's keys (a few thousand), not with its rows. State-local services (no key) are not counted. The load
 * stores it ({@link ImportedKeys}); the merge reads it.
 */
public final class KeyTally {

    /** The level recorded for offerings that give none. */
    public static final int NONE = -1;
    /** The highest level of any maturity model (OZG-Reifegrad 2.0 goes to 7). */
    public static final int MAX_LEVEL = 7;

    /**
     * One key of an import.
     *
     * @param anzahl offerings per level: index 0 those without one, index {@code l + 1} those at level {@code l}
     */
    public record Key(String leistungsschluessel, String bezeichnung, String ozgId, long[] anzahl) {

        public long anzahl(int reifegrad) {
            return anzahl[reifegrad + 1];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && leistungsschluessel.equals(k.leistungsschluessel)
                    && Objects.equals(bezeichnung, k.bezeichnung) && Objects.equals(ozgId, k.ozgId)
                    && Arrays.equals(anzahl, k.anzahl);
        }

        @Override
        public int hashCode() {
            return leistungsschluessel.hashCode() * 31 + Arrays.hashCode(anzahl);
        }

        @Override
        public String toString() {
            return leistungsschluessel + " " + bezeichnung + " " + ozgId + " " + Arrays.toString(anzahl);
        }
    }

    private final List<Key> keys = new ArrayList<>();
    private String key;
    private String bezeichnung;
    private String ozgId;
    private long[] anzahl;

    /** Counts one offering of a key; offerings without a key are left out. */
    void add(String leistungsschluessel, Integer reifegrad, String bezeichnung, String ozgId) {
        if (leistungsschluessel == null) {
            return;
        }
        if (!leistungsschluessel.equals(key)) {
            if (key != null && leistungsschluessel.compareTo(key) < 0) {
                throw new IllegalStateException("rows out of key order: " + leistungsschluessel + " after " + key);
            }
            close();
            key = leistungsschluessel;
            this.bezeichnung = bezeichnung;
            this.ozgId = ozgId;
            anzahl = new long[MAX_LEVEL + 2];
        } else {
            this.bezeichnung = smaller(this.bezeichnung, bezeichnung);
            this.ozgId = smaller(this.ozgId, ozgId);
        }
        int level = reifegrad == null ? NONE : reifegrad;
        if (level < NONE || level > MAX_LEVEL) {
            throw new IllegalArgumentException("maturity level " + level + " of " + leistungsschluessel
                    + " is outside 0-" + MAX_LEVEL);
        }
        anzahl[level + 1]++;
    }

    /** Every key counted, in key order. */
    List<Key> keys() {
        close();
        key = null;
        return keys;
    }

    private void close() {
        if (key != null) {
            keys.add(new Key(key, bezeichnung, ozgId, anzahl));
        }
    }

    /**
     * The smaller of two names or OZG-IDs, nulls aside, as {@link String#compareTo} orders them: H2's order; PostgreSQL's
     * C collation differs only between characters above U+FFFF and U+E000-U+FFFF. The merge takes the smallest across
     * states with it too, so that the result does not depend on which state was read first.
     */
    public static String smaller(String a, String b) {
        return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
    }
}
