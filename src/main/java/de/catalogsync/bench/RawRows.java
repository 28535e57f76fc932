package de.catalogsync.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;

/**
 * The comparators' bare readers: the raw 13 cells of each row of a generated export, without any rule. CSV through
 * opencsv's RFC 4180 parser; XZuFi through a StAX stream reader that joins each Zuständigkeit with its Leistung and
 * Onlinedienst (the least any reader of that format must do). Nothing is checked, decoded strictly or recorded.
 */
abstract class RawRows implements AutoCloseable {

    static final int WIDTH = 13;

    /** @return the next row's 13 cells (missing cells null), or null at the end */
    abstract String[] next() throws Exception;

    @Override
    public abstract void close() throws Exception;

    static RawRows open(BenchDataset.StateFile file) throws Exception {
        return file.shape() == BenchDataset.Shape.XZUFI ? new Xml(file) : new Csv(file);
    }

    static final class Csv extends RawRows {
        private final CSVReader csv;

        Csv(BenchDataset.StateFile file) throws Exception {
            BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file.file()), file.encoding()),
                    1 << 16);
            this.csv = new CSVReaderBuilder(in)
                    .withCSVParser(new RFC4180ParserBuilder().withSeparator(file.separator()).build())
                    .build();
            csv.readNext(); // header
        }

        @Override
        String[] next() throws Exception {
            String[] row;
            do {
                row = csv.readNext();
            } while (row != null && row.length == 1 && row[0].isEmpty());
            if (row == null || row.length == WIDTH) {
                return row;
            }
            String[] fixed = new String[WIDTH];
            System.arraycopy(row, 0, fixed, 0, Math.min(WIDTH, row.length));
            return fixed;
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }

    static final class Xml extends RawRows {
        private static final XMLInputFactory FACTORY = factory();

        private final InputStream in;
        private final XMLStreamReader xml;
        private final Map<String, String[]> leistungen = new HashMap<>();
        private final Map<String, String> links = new HashMap<>();
        private final Deque<String> path = new ArrayDeque<>();

        Xml(BenchDataset.StateFile file) throws Exception {
            this.in = new java.io.BufferedInputStream(Files.newInputStream(file.file()), 1 << 16);
            this.xml = FACTORY.createXMLStreamReader(in, file.encoding().name());
        }

        private static XMLInputFactory factory() {
            // the parser the application's reader uses (Woodstox), so that the comparison is about everything else
            XMLInputFactory f = new com.ctc.wstx.stax.WstxInputFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            f.setProperty(XMLInputFactory.IS_COALESCING, true);
            return f;
        }

        @Override
        String[] next() throws XMLStreamException {
            String[] leistung = null;
            String odId = null;
            String odLink = null;
            String[] row = null;
            String klassList = null;
            String textCode = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    switch (name) {
                        case "leistung" -> {
                            if (leistung != null && leistung[0] != null) {
                                leistungen.put(leistung[0], leistung);
                            }
                            leistung = null;
                        }
                        case "onlinedienst" -> {
                            if (odId != null) {
                                links.put(odId, odLink);
                            }
                            odId = null;
                            odLink = null;
                        }
                        case "zustaendigkeitTransferObjekt" -> {
                            return row;
                        }
                        default -> {
                        }
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                String parent = path.peek();
                switch (name) {
                    case "leistung" -> {
                        leistung = new String[WIDTH];
                        path.push(name);
                    }
                    case "onlinedienst" -> path.push(name);
                    case "zustaendigkeitTransferObjekt" -> {
                        row = new String[WIDTH];
                        path.push(name);
                    }
                    case "klassifizierung" -> {
                        klassList = xml.getAttributeValue(null, "listURI");
                        path.push(name);
                    }
                    case "id" -> {
                        String text = xml.getElementText();
                        if ("leistung".equals(parent)) {
                            leistung[0] = text;
                        } else if ("onlinedienst".equals(parent)) {
                            odId = text;
                        }
                    }
                    case "code" -> {
                        String text = xml.getElementText();
                        if (leistung != null) {
                            switch (parent) {
                                case "referenzLeiKa" -> leistung[1] = text;
                                case "leikaTextmodul" -> textCode = text;
                                case "typisierung" -> leistung[4] = leistung[4] == null ? text : leistung[4] + "," + text;
                                case "klassifizierung" -> {
                                    if ("urn:de:ozg:ozg-id".equals(klassList)) {
                                        leistung[5] = text;
                                    } else {
                                        leistung[6] = text;
                                    }
                                }
                                default -> {
                                }
                            }
                        } else if (row != null && "gebietID".equals(parent)) {
                            row[9] = text;
                        }
                    }
                    case "inhalt" -> {
                        String text = xml.getElementText();
                        if (leistung == null) {
                            continue;
                        }
                        if ("02".equals(textCode)) {
                            leistung[2] = text;
                        } else if ("05".equals(textCode)) {
                            leistung[3] = text;
                        }
                    }
                    case "onlinedienstID" -> {
                        String text = xml.getElementText();
                        if (leistung != null) {
                            leistung[7] = text;
                        }
                    }
                    case "link" -> {
                        if ("link".equals(parent)) {
                            odLink = xml.getElementText();
                        } else {
                            path.push(name);
                        }
                    }
                    case "geaendertDatumZeit" -> {
                        String text = xml.getElementText();
                        if (leistung != null) {
                            leistung[12] = text.substring(0, Math.min(10, text.length()));
                        }
                    }
                    case "beginn", "ende" -> {
                        String text = xml.getElementText();
                        if (leistung != null) {
                            leistung["beginn".equals(name) ? 10 : 11] = text;
                        }
                    }
                    case "leistungID" -> {
                        String id = xml.getElementText();
                        if (row == null) {
                            continue;
                        }
                        String[] l = leistungen.get(id);
                        if (l != null) {
                            System.arraycopy(l, 0, row, 0, WIDTH);
                            row[7] = l[7] == null ? null : links.get(l[7]);
                        } else {
                            row[0] = id;
                        }
                    }
                    case "name" -> {
                        if ("organisationseinheit".equals(parent) && row != null) {
                            row[8] = xml.getElementText();
                        } else {
                            path.push(name);
                        }
                    }
                    default -> path.push(name);
                }
            }
            return null;
        }

        @Override
        public void close() throws Exception {
            xml.close();
            in.close();
        }
    }
}
