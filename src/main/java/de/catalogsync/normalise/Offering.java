package de.catalogsync.normalise;

import java.time.LocalDate;

/**
 * One service offered by one state in one area: the shared standard's record.
 *
 * @param leistungsschluessel the 14-digit LeiKa key, or null for a state-local service that has none
 * @param gebietId            12-digit Amtlicher Regionalschlüssel; the state's own for state-wide offerings
 * @param typisierung         Leistungstyp codes as strings, comma-separated ("1,2/3")
 * @param reifegrad           OZG maturity level, null when the state gave none
 */
public record Offering(
        String leistungsschluessel,
        Land land,
        String gebietId,
        String sourceId,
        String bezeichnung,
        String kurztext,
        String typisierung,
        String ozgId,
        Integer reifegrad,
        String reifegradModell,
        String onlinedienstUrl,
        String zustaendigeStelle,
        LocalDate gueltigAb,
        LocalDate gueltigBis,
        LocalDate geaendertAm,
        Provenance provenance) implements NormalisationResult {

    /** What identifies an offering within its state: the LeiKa key, or the state's own id for local services. */
    public String identity() {
        return identityOf(leistungsschluessel, sourceId);
    }

    /** Starts the identity of a state-local service (one without a LeiKa key). */
    public static final String LOCAL_IDENTITY_PREFIX = "lokal:";

    public static String identityOf(String leistungsschluessel, String sourceId) {
        return leistungsschluessel != null ? leistungsschluessel : LOCAL_IDENTITY_PREFIX + sourceId;
    }

    /**
     * Compares two identities as their strings compare, without building them (sorting a chunk compared each
     * pair's identities many times): a key is digits, so every keyed identity comes before every local one.
     */
    public static int compareIdentities(String leistungsschluessel1, String sourceId1, String leistungsschluessel2,
                                        String sourceId2) {
        if (leistungsschluessel1 != null) {
            return leistungsschluessel2 != null ? leistungsschluessel1.compareTo(leistungsschluessel2) : -1;
        }
        return leistungsschluessel2 != null ? 1 : sourceId1.compareTo(sourceId2);
    }

    /** Compares (identity, area) pairs, the key of an offering within its state, as {@link #compareIdentities}. */
    public static int compareKeys(String leistungsschluessel1, String sourceId1, String gebietId1,
                                  String leistungsschluessel2, String sourceId2, String gebietId2) {
        int c = compareIdentities(leistungsschluessel1, sourceId1, leistungsschluessel2, sourceId2);
        return c != 0 ? c : gebietId1.compareTo(gebietId2);
    }
}
