package de.catalogsync.publish;

/**
 * The last guard of the XML output: StAX escapes markup but writes characters that XML 1.0 cannot carry at all
 * (control characters, U+FFFE/U+FFFF, broken surrogates) as they are, which makes the whole file unreadable for
 * every consumer. The normaliser rejects such text; whatever reaches this point by another way is replaced by
 * U+FFFD instead of breaking the catalogue.
 */
final class XmlChars {

    private XmlChars() {
    }

    static String safe(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (sb != null) {
                    sb.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(ok ? c : '\uFFFD');
            }
        }
        return sb == null ? s : sb.toString();
    }
}
