package de.catalogsync.normalise;

/** OZG-ID rule: five digits; blank is null. */
public final class OzgIds {

    private OzgIds() {
    }

    public static String normalise(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() != 5 || !fiveDigits(s)) {
            throw new InvalidValueException(RejectReason.OZG_ID, "OZG-ID \"" + s + "\" is not five digits");
        }
        return s;
    }

    private static boolean fiveDigits(String s) {
        for (int i = 0; i < 5; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
