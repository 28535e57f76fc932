package de.catalogsync.normalise;

import java.util.Arrays;
import java.util.Optional;

/** The fields of the shared standard that a source maps its columns to. Keys are the German LeiKa/XZuFi terms. */
public enum StandardField {
    SOURCE_ID("sourceId"),
    LEISTUNGSSCHLUESSEL("leistungsschluessel"),
    BEZEICHNUNG("bezeichnung"),
    KURZTEXT("kurztext"),
    TYPISIERUNG("typisierung"),
    OZG_ID("ozgId"),
    REIFEGRAD("reifegrad"),
    ONLINEDIENST_URL("onlinedienstUrl"),
    ZUSTAENDIGE_STELLE("zustaendigeStelle"),
    GEBIET_ID("gebietId"),
    GUELTIG_AB("gueltigAb"),
    GUELTIG_BIS("gueltigBis"),
    GEAENDERT_AM("geaendertAm");

    public static final int COUNT = values().length;

    private final String key;

    StandardField(String key) {
        this.key = key;
    }

    /** The name used in configuration and output. */
    public String key() {
        return key;
    }

    public static Optional<StandardField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equalsIgnoreCase(key)).findFirst();
    }
}
