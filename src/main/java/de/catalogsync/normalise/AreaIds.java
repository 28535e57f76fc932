package de.catalogsync.normalise;

/** Area rule: a 12-digit Amtlicher Regionalschlüssel inside the exporting state; blank means state-wide. */
public final class AreaIds {

    private AreaIds() {
    }

    public static String normalise(String raw, Land land) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            return land.stateWideArs();
        }
        String ars = allDigits(s) ? s : digitsWithoutSpaces(s);
        if (!ars.startsWith(land.arsPrefix())) {
            throw new InvalidValueException(RejectReason.AREA,
                    "Regionalschlüssel " + ars + " lies outside " + land.displayName() + " (expected prefix "
                            + land.arsPrefix() + ")");
        }
        return ars;
    }

    /** Twelve digits and nothing else, as nearly every export writes them: the value is the key as it stands. */
    private static boolean allDigits(String s) {
        if (s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The digits of a key written in groups ("09 1 62 000 0000"); anything but digits and spaces is refused. */
    private static String digitsWithoutSpaces(String s) {
        StringBuilder digits = new StringBuilder(12);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ') {
                throw new InvalidValueException(RejectReason.AREA,
                        "Regionalschlüssel \"" + s + "\" is not 12 digits");
            }
        }
        if (digits.length() != 12) {
            throw new InvalidValueException(RejectReason.AREA,
                    "Regionalschlüssel \"" + s + "\" has " + digits.length() + " digits, expected 12");
        }
        return digits.toString();
    }
}
