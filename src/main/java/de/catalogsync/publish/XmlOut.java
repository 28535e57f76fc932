package de.catalogsync.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A small streaming XML writer for the catalogue, in UTF-8. It writes the same bytes as the JDK's
 * {@code XMLStreamWriter} did for the calls the catalogue makes (a start tag stays open until its first content; text
 * escapes {@code < > &}, attribute values also {@code "}), but through a plain buffer: the JDK writer pushes every
 * character on its own through a synchronized stream, which made it the publish step's largest cost.
 */
final class XmlOut {

    private static final int FLUSH_AT = 1 << 15;

    private final Writer out;
    private final StringBuilder buf = new StringBuilder(FLUSH_AT + 4096);
    /** A start tag has been opened and not yet closed with {@code >} (or {@code />} for an empty element). */
    private boolean tagOpen;
    private boolean openIsEmpty;
    private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();

    XmlOut(OutputStream stream) {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
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
        out.append(buf);
        buf.setLength(0);
        out.flush();
    }

    private void closeTag() {
        if (tagOpen) {
            buf.append(openIsEmpty ? "/>" : ">");
            tagOpen = false;
        }
    }

    private void maybeFlush() throws IOException {
        if (buf.length() >= FLUSH_AT) {
            out.append(buf);
            buf.setLength(0);
        }
    }

    private void escape(String raw, boolean attribute) {
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
}
