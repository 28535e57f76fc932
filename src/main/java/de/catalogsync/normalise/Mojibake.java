package de.catalogsync.normalise;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Detects UTF-8 text that was decoded as windows-1252 or ISO-8859-1 ("Ã¤" for "ä", "â€“" for "–"): the export was
 * written in UTF-8 but is configured with a single-byte encoding (or was double-encoded on the way). Such text
 * decodes without error, so only its shape gives it away: a lead byte of a UTF-8 sequence (Â..ô) followed by
 * characters whose single-byte codes are exactly the continuation bytes of a valid UTF-8 sequence. Real German
 * text practically never has that shape; "Gebühr" in windows-1252 is "Geb" FC "hr", which is no UTF-8.
 */
public final class Mojibake {

    /** Unicode character to its windows-1252 byte, for the 0x80-0x9F range where 1252 differs from Latin-1. */
    private static final Map<Character, Integer> CP1252_HIGH = new HashMap<>();

    static {
        Charset cp1252 = Charset.forName("windows-1252");
        for (int b = 0x80; b <= 0x9F; b++) {
            String c = new String(new byte[] {(byte) b}, cp1252);
            if (c.length() == 1 && c.charAt(0) != '\uFFFD' && c.charAt(0) > 0xFF) {
                CP1252_HIGH.put(c.charAt(0), b);
            }
        }
    }

    private Mojibake() {
    }

    /**
     * @return a short excerpt of the first mojibake and what it should read, e.g. {@code "Ã¤" (would be "ä")}, or null
     */
    public static String find(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0xC2 || c > 0xF4) {
                continue;
            }
            int continuation = c <= 0xDF ? 1 : c <= 0xEF ? 2 : 3;
            if (i + continuation >= s.length()) {
                continue;
            }
            byte[] bytes = new byte[continuation + 1];
            bytes[0] = (byte) c;
            boolean candidate = true;
            for (int k = 1; k <= continuation && candidate; k++) {
                int b = singleByte(s.charAt(i + k));
                candidate = b >= 0x80 && b <= 0xBF;
                bytes[k] = (byte) b;
            }
            if (candidate) {
                String decoded = strictUtf8(bytes);
                if (decoded != null) {
                    return "\"" + s.substring(i, i + continuation + 1) + "\" (would be \"" + decoded + "\")";
                }
            }
        }
        return null;
    }

    private static int singleByte(char c) {
        if (c <= 0xFF) {
            return c;
        }
        Integer b = CP1252_HIGH.get(c);
        return b == null ? -1 : b;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
