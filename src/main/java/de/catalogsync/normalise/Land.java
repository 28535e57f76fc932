package de.catalogsync.normalise;

import java.util.Locale;

/** The 16 German states with their ISO 3166-2 code and the two-digit prefix of their Regionalschlüssel. */
public enum Land {
    SH("01", "Schleswig-Holstein"), HH("02", "Hamburg"), NI("03", "Niedersachsen"), HB("04", "Bremen"),
    NW("05", "Nordrhein-Westfalen"), HE("06", "Hessen"), RP("07", "Rheinland-Pfalz"), BW("08", "Baden-Württemberg"),
    BY("09", "Bayern"), SL("10", "Saarland"), BE("11", "Berlin"), BB("12", "Brandenburg"),
    MV("13", "Mecklenburg-Vorpommern"), SN("14", "Sachsen"), ST("15", "Sachsen-Anhalt"), TH("16", "Thüringen");

    private final String arsPrefix;
    private final String displayName;
    /** Asked for every row without an area: made once. */
    private final String stateWideArs;

    Land(String arsPrefix, String displayName) {
        this.arsPrefix = arsPrefix;
        this.displayName = displayName;
        this.stateWideArs = arsPrefix + "0000000000";
    }

    /** Accepts {@code BY} and {@code DE-BY}, any case. */
    public static Land fromCode(String code) {
        if (code == null) {
            throw new IllegalArgumentException("state code is missing");
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.startsWith("DE-")) {
            c = c.substring(3);
        }
        try {
            return valueOf(c);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown state \"" + code + "\": expected an ISO 3166-2 code such as BY or DE-BY");
        }
    }

    public String arsPrefix() {
        return arsPrefix;
    }

    /** The Regionalschlüssel of the state as a whole, used for state-wide offerings. */
    public String stateWideArs() {
        return stateWideArs;
    }

    public String iso() {
        return "DE-" + name();
    }

    public String displayName() {
        return displayName;
    }
}
