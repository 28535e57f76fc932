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
        if (s.length() != 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException(RejectReason.OZG_ID, "OZG-ID \"" + s + "\" is not five digits");
        }
        return s;
    }
}
