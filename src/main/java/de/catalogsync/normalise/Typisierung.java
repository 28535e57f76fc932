package de.catalogsync.normalise;

import java.util.StringJoiner;

/** Leistungstyp rule: a list of codes kept as strings ("1, 2/3" becomes "1,2/3"); real data holds odd codes. */
public final class Typisierung {

    private Typisierung() {
    }

    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        StringJoiner codes = new StringJoiner(",");
        int from = 0;
        for (int i = 0; i <= raw.length(); i++) { // split at , and ; without a regex
            if (i == raw.length() || raw.charAt(i) == ',' || raw.charAt(i) == ';') {
                String code = raw.substring(from, i).strip();
                if (!code.isEmpty()) {
                    codes.add(code);
                }
                from = i + 1;
            }
        }
        String joined = codes.toString();
        Texts.checkCharacters(joined); // codes are published as text too
        return joined.isEmpty() ? null : joined;
    }
}
