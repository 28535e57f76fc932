package de.catalogsync.publish;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A small streaming XML writer for the catalogue, in UTF-8. It writes the same bytes as the JDK's
 * {@code XMLStreamWriter} did for the calls the catalogue makes (a start tag stays open until its first content; text
 * escapes {@code < > &}, attribute values also {@code "}), but straight into a byte buffer: the JDK writer pushes
 * every character on its own through a synchronized stream, which made it the publish step's largest cost, and a
 * StringBuilder encoded afterwards still copied and widened every text twice. Each text is escaped, cleaned of
 * what XML 1.0 cannot carry (as {@link XmlChars} does) and encoded in one pass.
 */
final class XmlOut {

    private static final int FLUSH_AT = 1 << 16;
    private static final int REPLACEMENT = 0xFFFD;

    private final OutputStream out;
    private byte[] buf = new byte[FLUSH_AT + 8192];
    private int len;
    /** A start tag has been opened and not yet closed with {@code >} (or {@code />} for an empty element). */
    private boolean tagOpen;
    private boolean openIsEmpty;
    private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();

    XmlOut(OutputStream stream) {
        this.out = stream;
    }

    void startDocument() throws IOException {
        ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        maybeFlush();
    }

    /** A start tag that declares the default namespace. */
    void startElement(String name) throws IOException {
        closeTag();
        ascii('<');
        ascii(name);
        tagOpen = true;
        openIsEmpty = false;
        open.push(name);
        maybeFlush();
    }

    void emptyElement(String name) throws IOException {
        closeTag();
        ascii('<');
        ascii(name);
        tagOpen = true;
        openIsEmpty = true;
        maybeFlush();
    }

    void defaultNamespace(String uri) {
        attribute("xmlns", uri);
    }

    void attribute(String name, String value) {
        ascii(' ');
        ascii(name);
        ascii("=\"");
        escape(value, true);
        ascii('"');
    }

    void characters(String text) throws IOException {
        closeTag();
        escape(text, false);
        maybeFlush();
    }

    void endElement() throws IOException {
        if (tagOpen && !openIsEmpty) {
            ascii('>'); // the JDK writer writes <a></a>, never <a/>, for an element without content
            tagOpen = false;
        } else {
            closeTag();
        }
        ascii("</");
        ascii(open.pop());
        ascii('>');
        maybeFlush();
    }

    /** Closes what is open and writes everything out. */
    void endDocument() throws IOException {
        closeTag();
        while (!open.isEmpty()) {
            endElement();
        }
        flush();
    }

    void flush() throws IOException {
        writeBuffer();
        out.flush();
    }

    private void writeBuffer() throws IOException {
        if (len > 0) {
            out.write(buf, 0, len);
            len = 0;
        }
    }

    private void closeTag() {
        if (tagOpen) {
            ascii(openIsEmpty ? "/>" : ">");
            tagOpen = false;
        }
    }

    private void maybeFlush() throws IOException {
        if (len >= FLUSH_AT) {
            writeBuffer();
        }
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(len + more, 2 * buf.length));
        }
    }

    /** Markup and names: ASCII by construction. */
    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void ascii(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    /**
     * Escapes markup, replaces what XML 1.0 cannot carry by U+FFFD (control characters, U+FFFE/U+FFFF, broken
     * surrogates: the normaliser rejects such text, but nothing that reaches this point by another way may break
     * the file) and encodes the rest in UTF-8.
     */
    private void escape(String s, boolean attribute) {
        if (s == null) {
            return;
        }
        int n = s.length();
        ensure(6 * n); // &quot; is the longest a char becomes
        byte[] b = buf;
        int at = len;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '<' && c != '>' && c != '&' && c != '"') {
                    b[at++] = (byte) c;
                } else if (c == '<') {
                    at = put(b, at, "&lt;");
                } else if (c == '>') {
                    at = put(b, at, "&gt;");
                } else if (c == '&') {
                    at = put(b, at, "&amp;");
                } else if (c == '"') {
                    if (attribute) {
                        at = put(b, at, "&quot;");
                    } else {
                        b[at++] = '"';
                    }
                } else if (c == '\t' || c == '\n' || c == '\r') {
                    b[at++] = (byte) c;
                } else {
                    at = putCodePoint(b, at, REPLACEMENT);
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    at = putCodePoint(b, at, Character.toCodePoint(c, s.charAt(++i)));
                } else {
                    at = putCodePoint(b, at, REPLACEMENT);
                }
            } else {
                at = putCodePoint(b, at, c == '\uFFFE' || c == '\uFFFF' ? REPLACEMENT : c);
            }
        }
        len = at;
    }

    private static int put(byte[] b, int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            b[at++] = (byte) ascii.charAt(i);
        }
        return at;
    }

    /** A code point from U+0800 up, in UTF-8. */
    private static int putCodePoint(byte[] b, int at, int cp) {
        if (cp < 0x10000) {
            b[at++] = (byte) (0xE0 | (cp >> 12));
        } else {
            b[at++] = (byte) (0xF0 | (cp >> 18));
            b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        }
        b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[at++] = (byte) (0x80 | (cp & 0x3F));
        return at;
    }
}
