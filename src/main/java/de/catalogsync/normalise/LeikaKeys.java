package de.catalogsync.normalise;

import java.util.Locale;

/** LeiKa key rule: 14 digits, written without separators; "nicht im LeiKa" or blank means a state-local service. */
public final class LeikaKeys {

    private LeikaKeys() {
    }

    /** @return the 14-digit key, or null when the service has no LeiKa key */
    public static String normalise(String raw) {
        String s = raw == null ? "" : raw.strip();
        // a key starts with a digit, no marker does: most rows skip lower-casing the value
        if (s.isEmpty() || !Character.isDigit(s.charAt(0)) && isNoKeyMarker(s)) {
            return null;
        }
        StringBuilder digits = new StringBuilder(14);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '.' && c != '-' && c != '\u00A0') {
                throw new InvalidValueException(RejectReason.KEY,
                        "malformed LeiKa key \"" + s + "\": unexpected character '" + c + "'");
            }
        }
        if (digits.length() != 14) {
            throw new InvalidValueException(RejectReason.KEY,
                    "malformed LeiKa key \"" + s + "\": expected 14 digits, found " + digits.length());
        }
        return digits.toString();
    }

    private static boolean isNoKeyMarker(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.equals("nicht im leika") || l.equals("-") || l.equals("ohne") || l.equals("n/a");
    }
}
