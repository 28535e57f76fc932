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
        return alreadyClean(raw) ? raw : cleanFully(raw);
    }

    /** Every step of the rule, one after the other. */
    static String cleanFully(String raw) {
        String s = collapseWhitespace(raw);
        if (s.isEmpty()) {
            return null;
        }
        String mojibake = Mojibake.find(s);
        if (mojibake != null) {
            throw new InvalidValueException(RejectReason.ENCODING, "text looks like UTF-8 read in a single-byte "
                    + "encoding: " + mojibake + "; is the export's configured encoding right?");
        }
        checkCharacters(s);
        return belowCombiningMarks(s) || Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s
                : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /**
     * The common case in one pass instead of four: printable ASCII and the Latin-1 letters U+00C0-U+00FF (ä, ö, ü, ß,
     * ...), single spaces and none at either end. Such text needs no collapsing, has no control character, is in NFC
     * (all below U+0300), and cannot be mojibake, which needs a character whose single-byte code is a UTF-8
     * continuation byte (U+0080-U+00BF, or one of windows-1252's letters above U+00FF).
     */
    static boolean alreadyClean(String s) {
        int len = s.length();
        if (len == 0 || s.charAt(0) == ' ' || s.charAt(len - 1) == ' ') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c > 0x7E && c < 0xC0) || c > 0xFF || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
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

    /**
     * Control characters, noncharacters and broken surrogate pairs are no text: XML 1.0 cannot carry them at all
     * (not even as character references), terminals and spreadsheets act on them, and PostgreSQL refuses NUL. A
     * value holding one is rejected rather than cleaned, because it usually means the export is damaged.
     */
    static void checkCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                throw new InvalidValueException(RejectReason.TEXT, "text contains a NUL character");
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF') {
                throw new InvalidValueException(RejectReason.TEXT, String.format(java.util.Locale.ROOT,
                        "text contains the control character U+%04X at position %d", (int) c, i + 1));
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidValueException(RejectReason.TEXT, String.format(java.util.Locale.ROOT,
                        "text contains a broken surrogate pair (U+%04X) at position %d", (int) c, i + 1));
            }
        }
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
