package de.catalogsync.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small streaming XML writer for the catalogue, in UTF-8. It writes the same bytes as the JDK's
 * {@code XMLStreamWriter} did for the calls the catalogue makes (a start tag stays open until its first content; text
 * escapes {@code < > &}, attribute values also {@code "}), but through a plain buffer: the JDK writer pushes every
 * character on its own through a synchronized stream, which made it the publish step's largest cost.
 * <p>
 * The buffer is a new one after every flush: a StringBuilder that once took a character beyond Latin-1 (a dash, a
 * typographic quote) stores two bytes per character for good, and then widens every later append, which cost the
 * XML writer almost half its time.
 */
final class XmlOut {

    private static final int FLUSH_AT = 1 << 15;

    private final OutputStream out;
    private StringBuilder buf = newBuffer();
    /** A start tag has been opened and not yet closed with {@code >} (or {@code />} for an empty element). */
    private boolean tagOpen;
    private boolean openIsEmpty;
    private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();

    XmlOut(OutputStream stream) {
        this.out = stream;
    }

    private static StringBuilder newBuffer() {
        return new StringBuilder(FLUSH_AT + 4096);
    }

    void startDocument() throws IOException {
        buf.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        maybeFlush();
    }

    /** A start tag that declares the default namespace. */
    void startElement(String name) throws IOException {
        closeTag();
        buf.append('<').append(name);
        tagOpen = true;
        openIsEmpty = false;
        open.push(name);
        maybeFlush();
    }

    void emptyElement(String name) throws IOException {
        closeTag();
        buf.append('<').append(name);
        tagOpen = true;
        openIsEmpty = true;
        maybeFlush();
    }

    void defaultNamespace(String uri) {
        attribute("xmlns", uri);
    }

    void attribute(String name, String value) {
        buf.append(' ').append(name).append("=\"");
        escape(value, true);
        buf.append('"');
    }

    void characters(String text) throws IOException {
        closeTag();
        escape(text, false);
        maybeFlush();
    }

    void endElement() throws IOException {
        if (tagOpen && !openIsEmpty) {
            buf.append('>'); // the JDK writer writes <a></a>, never <a/>, for an element without content
            tagOpen = false;
        } else {
            closeTag();
        }
        buf.append("</").append(open.pop()).append('>');
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

    /** The text is well-formed UTF-16 here (XmlChars replaced broken surrogates), so encoding it loses nothing. */
    private void writeBuffer() throws IOException {
        if (buf.length() > 0) {
            out.write(buf.toString().getBytes(StandardCharsets.UTF_8));
            buf = newBuffer();
        }
    }

    private void closeTag() {
        if (tagOpen) {
            buf.append(openIsEmpty ? "/>" : ">");
            tagOpen = false;
        }
    }

    private void maybeFlush() throws IOException {
        if (buf.length() >= FLUSH_AT) {
            writeBuffer();
        }
    }

    private void escape(String raw, boolean attribute) {
        if (raw != null && isPlain(raw, attribute)) {
            buf.append(raw); // the common case, copied whole: append(s, from, to) copies char by char
            return;
        }
        String s = XmlChars.safe(raw); // characters XML 1.0 cannot carry at all never break the file
        int len = s.length();
        int from = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            String rep;
            if (c == '<') {
                rep = "&lt;";
            } else if (c == '>') {
                rep = "&gt;";
            } else if (c == '&') {
                rep = "&amp;";
            } else if (c == '"' && attribute) {
                rep = "&quot;";
            } else {
                continue;
            }
            buf.append(s, from, i).append(rep);
            from = i + 1;
        }
        buf.append(s, from, len);
    }

    /** Nothing to escape or replace: no markup, no control character, nothing from the surrogates upwards. */
    private static boolean isPlain(String s, boolean attribute) {
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r'
                    : c == '<' || c == '>' || c == '&' || c == '"' && attribute || c >= 0xD800) {
                return false;
            }
        }
        return true;
    }
}
