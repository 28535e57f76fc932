package de.catalogsync.normalise;

import java.text.Normalizer;

/** Text rule of the shared standard: trimmed, white space collapsed to one space, Unicode NFC; blank is null. */
public final class Texts {

    private Texts() {
    }

    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String s = collapseWhitespace(raw);
        if (s.isEmpty()) {
            return null;
        }
        if (s.indexOf('\u0000') >= 0) {
            throw new InvalidValueException(RejectReason.TEXT, "text contains a NUL character");
        }
        return belowCombiningMarks(s) || Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s
                : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /**
     * Text made only of characters below U+0300 (ASCII, Latin-1, Latin Extended, IPA, spacing modifiers: German text,
     * nearly always) is already in NFC: no character there decomposes or combines. Spares the full check.
     */
    private static boolean belowCombiningMarks(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '\u0300') {
                return false;
            }
        }
        return true;
    }

    private static String collapseWhitespace(String raw) {
        int len = raw.length();
        // Fast path: most values are already clean.
        boolean clean = len == 0 || (!isSpace(raw.charAt(0)) && !isSpace(raw.charAt(len - 1)));
        for (int i = 0; clean && i < len; i++) {
            char c = raw.charAt(i);
            if (isSpace(c) && (c != ' ' || (i + 1 < len && isSpace(raw.charAt(i + 1))))) {
                clean = false;
            }
        }
        if (clean) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(len);
        boolean pendingSpace = false;
        for (int i = 0; i < len; i++) {
            char c = raw.charAt(i);
            if (isSpace(c)) {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00A0' || c == '\u000B' || c == '\f'
                || c == '\u2007' || c == '\u202F';
    }
}
