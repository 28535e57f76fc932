package de.catalogsync.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Per LeiKa key of one import, the smallest name and OZG-ID its offerings give (nulls aside), from rows that arrive
 * in key order: a key missing from the reference catalogue is named after them in the merged catalogue. One entry
 * per key, so it grows with the catalogue's keys, not with its rows.
 */
final class KeyNames {

    record Name(String leistungsschluessel, String bezeichnung, String ozgId) {
    }

    private final List<Name> names = new ArrayList<>();
    private String key;
    private String bezeichnung;
    private String ozgId;

    void add(String leistungsschluessel, String bezeichnung, String ozgId) {
        if (leistungsschluessel == null) {
            return;
        }
        if (!leistungsschluessel.equals(key)) {
            close();
            key = leistungsschluessel;
            this.bezeichnung = null;
            this.ozgId = null;
        }
        this.bezeichnung = min(this.bezeichnung, bezeichnung);
        this.ozgId = min(this.ozgId, ozgId);
    }

    List<Name> names() {
        close();
        key = null;
        return names;
    }

    private void close() {
        if (key != null) {
            names.add(new Name(key, bezeichnung, ozgId));
        }
    }

    private static String min(String a, String b) {
        return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
    }
}
