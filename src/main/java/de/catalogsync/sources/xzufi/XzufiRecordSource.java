package de.catalogsync.sources.xzufi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import de.catalogsync.config.SourceProperties;
import de.catalogsync.normalise.Provenance;
import de.catalogsync.normalise.RejectReason;
import de.catalogsync.normalise.SharedValues;
import de.catalogsync.normalise.StandardField;
import de.catalogsync.sources.CountingInputStream;
import de.catalogsync.sources.RecordSource;
import de.catalogsync.sources.SourceReadException;
import de.catalogsync.sources.SourceRecord;

/**
 * Reads an XZuFi 2.2.0 transfer message with a StAX stream reader and hand mapping (no per-record JAXB).
 * <p>
 * Each {@code zustaendigkeitTransferObjekt} ties a {@code leistung} to an area and an authority and becomes one
 * offering; a {@code leistung} without any becomes one state-wide offering at the end of the file. Leistungen and
 * Onlinedienste (a few thousand per state) are kept in memory; Zuständigkeiten, the millions, are streamed. As in
 * the exports of the editorial systems, Leistungen and Onlinedienste come before the Zuständigkeiten that name
 * them; a Zuständigkeit naming an unknown Leistung is a reject.
 */
public class XzufiRecordSource implements RecordSource {

    public static final String NAMESPACE_2_2_0 = "http://xoev.de/schemata/xzufi/2_2_0";
    static final String REIFEGRAD_LIST = "urn:de:ozg:reifegrad";
    static final String OZG_ID_LIST = "urn:de:ozg:ozg-id";
    private static final int MAX_DEPTH = 64;
    private static final int MAX_TEXT = 1 << 20;

    private final SourceProperties source;
    private final String fileName;
    private final CountingInputStream bytes;
    private final XMLStreamReader xml;
    private final Map<String, Leistung> leistungen = new LinkedHashMap<>();
    private final Map<String, String> onlinedienstLinks = new HashMap<>();
    private Iterator<Leistung> stateWideRemainder;
    private long seq;
    private int depth;

    public XzufiRecordSource(SourceProperties source, Path file) {
        this.source = source;
        this.fileName = file.toString();
        try {
            InputStream in = Files.newInputStream(file);
            this.bytes = new CountingInputStream(in);
            this.xml = secureFactory().createXMLStreamReader(bytes, source.encoding().name());
        } catch (NoSuchFileException e) {
            throw new SourceReadException(fileName + ": export of " + source.state() + " not found");
        } catch (IOException | XMLStreamException e) {
            throw new SourceReadException(fileName + ": cannot open XZuFi export of " + source.state() + ": " + e.getMessage(), e);
        }
    }

    /** The parser's own "at [row,col ...]" repeats the line the message already names. */
    static String withoutParserLocation(String message) {
        return message.replaceAll("\\s*at \\[row,col[^\\]]*\\]: \\[\\d+,\\d+\\]", "").replaceAll("\\s+", " ").trim();
    }

    /**
     * No DTDs, no external entities, no entity expansion: an export never makes us read a file or open a socket.
     * Woodstox, chosen by name rather than by the JDK's service lookup, parses the benchmark's XZuFi exports about
     * twice as fast as the JDK's own parser (271,000 against 129,000 rows/s, parse alone). Like the JDK's parser it
     * is told to let XML 1.1 character references such as {@code &#1;} through, so that one such row becomes a
     * TEXT reject instead of failing the whole export (Aalto, as fast, cannot).
     */
    static XMLInputFactory secureFactory() {
        XMLInputFactory factory = new com.ctc.wstx.stax.WstxInputFactory();
        factory.setProperty(com.ctc.wstx.api.WstxInputProperties.P_ALLOW_XML11_ESCAPED_CHARS_IN_XML10, true);
        // errors at next(), where the reader names file and line, not later from getText() as unchecked exceptions
        factory.setProperty(org.codehaus.stax2.XMLInputFactory2.P_LAZY_PARSING, false);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // Not coalescing: the parser hands text over in pieces, so a huge text is never held whole. The reader
        // joins the pieces of the elements it maps and stops at MAX_TEXT; it drops the pieces of all others.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        // Woodstox reads 4,000 bytes at a time by default: one read call per 4 KB was 5 % of the reader's time
        factory.setProperty(com.ctc.wstx.api.WstxInputProperties.P_INPUT_BUFFER_LENGTH, 64 * 1024);
        factory.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resource " + systemId + " refused");
        });
        return factory;
    }

    @Override
    public SourceRecord next() {
        try {
            if (stateWideRemainder == null) {
                SourceRecord record = nextZustaendigkeit();
                if (record != null) {
                    return record;
                }
                stateWideRemainder = leistungen.values().stream().filter(l -> !l.hasZustaendigkeit).iterator();
            }
            return stateWideRemainder.hasNext() ? stateWide(stateWideRemainder.next()) : null;
        } catch (XMLStreamException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNumber() : xml.getLocation().getLineNumber();
            throw new SourceReadException(fileName + " line " + line + ": not a readable XZuFi message: "
                    + withoutParserLocation(e.getMessage()), e);
        }
    }

    private SourceRecord nextZustaendigkeit() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new SourceReadException(fileName + " line " + xml.getLocation().getLineNumber()
                        + ": DOCTYPE declarations are not allowed in an XZuFi export (entity expansion and external entities are refused)");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new SourceReadException(fileName + " line " + xml.getLocation().getLineNumber()
                        + ": entity reference &" + xml.getLocalName() + "; is not allowed");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            checkDepth();
            if (depth == 1 && !NAMESPACE_2_2_0.equals(xml.getNamespaceURI())) {
                throw new SourceReadException(fileName + ": root element {" + xml.getNamespaceURI() + "}"
                        + xml.getLocalName() + " is not an XZuFi 2.2.0 message (namespace " + NAMESPACE_2_2_0 + ")");
            }
            switch (xml.getLocalName()) {
                case "leistung" -> readLeistung();
                case "onlinedienst" -> readOnlinedienst();
                case "zustaendigkeitTransferObjekt" -> {
                    return readZustaendigkeit();
                }
                default -> {
                    // header, schreibe and elements we do not map: descend
                }
            }
        }
        return null;
    }

    private void readLeistung() throws XMLStreamException {
        Leistung l = new Leistung(xml.getLocation().getLineNumber());
        int start = depth;
        String textCode = null;
        String klassList = null;
        String inVersion = null;
        Deque<String> path = new ArrayDeque<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                checkDepth();
                String name = xml.getLocalName();
                String parent = path.peek();
                path.push(name);
                switch (name) {
                    case "id" -> {
                        if (depth == start + 1) {
                            l.id = consumeText(path);
                        }
                    }
                    case "modulText" -> textCode = null;
                    case "klassifizierung" -> klassList = xml.getAttributeValue(null, "listURI");
                    case "versionsinformation", "gueltigkeit" -> inVersion = name;
                    case "onlinedienstID" -> {
                        l.onlinedienstId = consumeText(path);
                    }
                    case "code" -> {
                        String code = consumeText(path);
                        if ("referenzLeiKa".equals(parent)) {
                            l.key = code;
                        } else if ("leikaTextmodul".equals(parent)) {
                            textCode = code;
                        } else if ("typisierung".equals(parent)) {
                            l.typisierung = l.typisierung == null ? code : l.typisierung + "," + code;
                        } else if ("klassifizierung".equals(parent)) {
                            if (REIFEGRAD_LIST.equals(klassList)) {
                                l.reifegrad = code;
                            } else if (OZG_ID_LIST.equals(klassList)) {
                                l.ozgId = code;
                            }
                        }
                    }
                    case "inhalt" -> {
                        String lang = xml.getAttributeValue(null, "languageCode");
                        String value = consumeText(path);
                        if (lang == null || lang.startsWith("de")) {
                            l.putText(textCode, value);
                        }
                    }
                    case "geaendertDatumZeit" -> {
                        if ("versionsinformation".equals(inVersion)) {
                            l.geaendert = datePart(consumeText(path));
                        }
                    }
                    case "beginn" -> {
                        if ("gueltigkeit".equals(inVersion)) {
                            l.beginn = datePart(consumeText(path));
                        }
                    }
                    case "ende" -> {
                        if ("gueltigkeit".equals(inVersion)) {
                            l.ende = datePart(consumeText(path));
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == start) {
                    depth--;
                    break;
                }
                depth--;
                path.poll();
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("document ends inside a leistung", xml.getLocation());
            }
        }
        remember(l);
    }

    private void remember(Leistung l) {
        if (l.id == null) {
            l.id = "(ohne id, Zeile " + l.line + ")";
        }
        leistungen.putIfAbsent(l.id, l);
    }

    private void readOnlinedienst() throws XMLStreamException {
        int start = depth;
        String id = null;
        String link = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                checkDepth();
                String name = xml.getLocalName();
                if ("id".equals(name) && depth == start + 1) {
                    id = text();
                    depth--;
                } else if ("link".equals(name) && depth == start + 2 && link == null) {
                    link = text();
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == start) {
                    depth--;
                    break;
                }
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("document ends inside an onlinedienst", xml.getLocation());
            }
        }
        if (id != null) {
            onlinedienstLinks.put(id, link == null ? "" : link);
        }
    }

    private SourceRecord readZustaendigkeit() throws XMLStreamException {
        long line = xml.getLocation().getLineNumber();
        int start = depth;
        String id = null;
        String leistungId = null;
        String gebiet = null;
        String onlinedienstId = null;
        String stelle = null;
        String section = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                checkDepth();
                String name = xml.getLocalName();
                if (depth == start + 1) {
                    section = name;
                    continue;
                }
                boolean inZ = "zustaendigkeit".equals(section);
                switch (name) {
                    case "id" -> {
                        if (inZ && depth == start + 2) {
                            id = text();
                            depth--;
                        }
                    }
                    case "leistungID" -> {
                        if (inZ) {
                            leistungId = text();
                            depth--;
                        }
                    }
                    case "onlinedienstID" -> {
                        if (inZ) {
                            onlinedienstId = text();
                            depth--;
                        }
                    }
                    case "code" -> {
                        if (inZ && gebiet == null) {
                            gebiet = text();
                            depth--;
                        }
                    }
                    case "name" -> {
                        if ("organisationseinheit".equals(section) && stelle == null) {
                            stelle = textOrNested();
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == start) {
                    depth--;
                    break;
                }
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("document ends inside a zustaendigkeitTransferObjekt", xml.getLocation());
            }
        }
        seq++;
        String element = "zustaendigkeit[" + id + "]/leistung[" + leistungId + "]";
        Supplier<String> raw = new RawZustaendigkeit(id, leistungId, gebiet, onlinedienstId, stelle);
        Provenance provenance = new Provenance(fileName, line, seq, element);
        Leistung l = leistungId == null ? null : leistungen.get(leistungId.strip());
        if (l == null) {
            return SourceRecord.broken(provenance, raw.get(), RejectReason.REFERENCE,
                    "zustaendigkeit " + id + " names leistung " + leistungId + ", which the export does not contain before it");
        }
        l.hasZustaendigkeit = true;
        String odId = onlinedienstId != null ? onlinedienstId.strip() : l.onlinedienstId;
        String url = null;
        if (odId != null) {
            url = onlinedienstLinks.get(odId.strip());
            if (url == null) {
                return SourceRecord.broken(provenance, raw.get(), RejectReason.REFERENCE,
                        "zustaendigkeit " + id + " names onlinedienst " + odId + ", which the export does not contain before it");
            }
        }
        String[] values = l.values();
        values[StandardField.GEBIET_ID.ordinal()] = gebiet;
        values[StandardField.ZUSTAENDIGE_STELLE.ordinal()] = stelle != null ? stelle : l.stelle;
        values[StandardField.ONLINEDIENST_URL.ordinal()] = url;
        return SourceRecord.of(values, l.shared(), provenance, raw);
    }

    /** A Zustaendigkeit as a reject report shows it; composed only for a record that is rejected. */
    private record RawZustaendigkeit(String id, String leistungId, String gebiet, String onlinedienstId, String stelle)
            implements Supplier<String> {

        @Override
        public String get() {
            return "<zustaendigkeit id=\"" + id + "\" leistungID=\"" + leistungId + "\" gebietID=\"" + gebiet
                    + "\" onlinedienstID=\"" + onlinedienstId + "\" organisationseinheit=\"" + stelle + "\"/>";
        }
    }

    private SourceRecord stateWide(Leistung l) {
        seq++;
        String[] values = l.values();
        values[StandardField.ZUSTAENDIGE_STELLE.ordinal()] = l.stelle;
        Provenance provenance = new Provenance(fileName, l.line, seq, "leistung[" + l.id + "]");
        String raw = "<leistung id=\"" + l.id + "\" referenzLeiKa=\"" + l.key + "\" bezeichnung=\"" + l.bezeichnung + "\"/>";
        if (l.onlinedienstId != null) {
            String url = onlinedienstLinks.get(l.onlinedienstId.strip());
            if (url == null) {
                return SourceRecord.broken(provenance, raw, RejectReason.REFERENCE,
                        "leistung " + l.id + " names onlinedienst " + l.onlinedienstId + ", which the export does not contain");
            }
            values[StandardField.ONLINEDIENST_URL.ordinal()] = url;
        }
        return SourceRecord.of(values, provenance, raw);
    }

    /** Reads the element's text and consumes its end tag (the caller adjusts the depth). */
    private String text() throws XMLStreamException {
        StringBuilder sb = null;
        String single = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                String t = xml.getText();
                if (single == null && sb == null) {
                    single = t;
                } else {
                    sb = joined(sb, single, t, false);
                    if (sb.length() > MAX_TEXT) {
                        throw new XMLStreamException("text of element longer than " + MAX_TEXT + " characters", xml.getLocation());
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String value = sb != null ? sb.toString() : single;
                if (value != null && value.length() > MAX_TEXT) {
                    throw new XMLStreamException("text of element longer than " + MAX_TEXT + " characters", xml.getLocation());
                }
                return value == null ? "" : value;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                throw new XMLStreamException("element <" + xml.getLocalName() + "> where text was expected", xml.getLocation());
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("entity reference &" + xml.getLocalName() + "; is not allowed", xml.getLocation());
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("document ends inside an element", xml.getLocation());
            }
        }
    }

    /** An authority's name is text, or in XZuFi a nested {@code name} element; the depth is left as found. */
    private String textOrNested() throws XMLStreamException {
        int start = depth;
        String first = null; // nearly every name is one piece of text: it is returned as it came
        StringBuilder sb = null;
        boolean elementBoundary = false; // texts of nested elements are words apart; pieces of one text are not
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                String piece = xml.getText();
                if (first == null && sb == null) {
                    first = piece;
                } else {
                    sb = joined(sb, first, piece, elementBoundary);
                }
                elementBoundary = false;
                if ((sb != null ? sb.length() : first.length()) > MAX_TEXT) {
                    throw new XMLStreamException("authority name longer than " + MAX_TEXT + " characters", xml.getLocation());
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                checkDepth();
                elementBoundary = true;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                elementBoundary = true;
                if (depth == start) {
                    depth--;
                    return sb != null ? sb.toString() : first != null ? first : "";
                }
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("document ends inside a name", xml.getLocation());
            }
        }
    }

    /**
     * A text's next piece, joined to those before: the parser hands a text over in pieces, but most texts are one, kept
     * as it came until a second arrives. Pieces from different elements are words apart.
     */
    private static StringBuilder joined(StringBuilder sb, String first, String piece, boolean wordApart) {
        StringBuilder joined = sb != null ? sb : new StringBuilder(first);
        if (wordApart && !joined.isEmpty()) {
            joined.append(' ');
        }
        return joined.append(piece);
    }

    private void checkDepth() throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw new XMLStreamException("elements nested deeper than " + MAX_DEPTH + " levels", xml.getLocation());
        }
    }

    /** Reads a text-only element met while tracking the path: its end tag is consumed, so leave it. */
    private String consumeText(Deque<String> path) throws XMLStreamException {
        String value = text();
        depth--;
        path.poll();
        return value;
    }

    private static String datePart(String dateTime) {
        String s = dateTime.strip();
        int t = s.indexOf('T');
        return t == 10 ? s.substring(0, 10) : s;
    }

    @Override
    public long bytesRead() {
        return bytes.count();
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // nothing left to lose
        }
        try {
            bytes.close();
        } catch (IOException e) {
            // nothing left to lose
        }
    }

    /** The part of a leistung that its offerings share. */
    private static final class Leistung {
        /** What a Zuständigkeit takes from its Leistung unchanged; area, authority and link are its own. */
        static final Set<StandardField> SHARED = EnumSet.complementOf(EnumSet.of(StandardField.GEBIET_ID,
                StandardField.ZUSTAENDIGE_STELLE, StandardField.ONLINEDIENST_URL));

        final long line;
        String id;
        String key;
        String bezeichnung;
        String kurztext;
        String stelle;
        String typisierung;
        String ozgId;
        String reifegrad;
        String onlinedienstId;
        String geaendert;
        String beginn;
        String ende;
        boolean hasZustaendigkeit;
        private SharedValues shared;

        Leistung(long line) {
            this.line = line;
        }

        /** Made when the first Zuständigkeit names the leistung: by then the leistung has been read whole. */
        SharedValues shared() {
            if (shared == null) {
                shared = new SharedValues(SHARED, values());
            }
            return shared;
        }

        void putText(String code, String value) {
            if ("02".equals(code) && bezeichnung == null) {
                bezeichnung = value;
            } else if ("05".equals(code) && kurztext == null) {
                kurztext = value;
            } else if ("22".equals(code) && stelle == null) {
                stelle = value;
            }
        }

        String[] values() {
            String[] v = new String[StandardField.COUNT];
            v[StandardField.SOURCE_ID.ordinal()] = id;
            v[StandardField.LEISTUNGSSCHLUESSEL.ordinal()] = key;
            v[StandardField.BEZEICHNUNG.ordinal()] = bezeichnung;
            v[StandardField.KURZTEXT.ordinal()] = kurztext;
            v[StandardField.TYPISIERUNG.ordinal()] = typisierung;
            v[StandardField.OZG_ID.ordinal()] = ozgId;
            v[StandardField.REIFEGRAD.ordinal()] = reifegrad;
            v[StandardField.GUELTIG_AB.ordinal()] = beginn;
            v[StandardField.GUELTIG_BIS.ordinal()] = ende;
            v[StandardField.GEAENDERT_AM.ordinal()] = geaendert;
            return v;
        }
    }
}
