package de.catalogsync.publish;

import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import de.catalogsync.publish.MergedCatalogue.Angebot;
import de.catalogsync.publish.MergedCatalogue.EfaCandidate;
import de.catalogsync.publish.MergedCatalogue.Header;
import de.catalogsync.publish.MergedCatalogue.LocalService;
import de.catalogsync.publish.MergedCatalogue.MaturityCount;
import de.catalogsync.publish.MergedCatalogue.Service;
import de.catalogsync.publish.MergedCatalogue.StateStatus;
import de.catalogsync.publish.MergedCatalogue.StateSummary;

/** The catalogue sink as it was written with the JDK XMLStreamWriter: the reference the fast writer must match byte for byte. */
class StaxXmlCatalogueSink implements MergedCatalogue.Sink {

    static final String NAMESPACE = "urn:de:catalog-sync:katalog:1";
    static final String XSD_RESOURCE = "xsd/merged-catalogue.xsd";
    static final String XSD_FILE = "merged-catalogue.xsd";

    private final AtomicFile file;
    private final XMLStreamWriter xml;
    private int depth;

    StaxXmlCatalogueSink(AtomicFile file) throws XMLStreamException {
        this.file = file;
        // the JDK's own writer by name: with Woodstox on the class path, newFactory() would find Woodstox
        this.xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(file.stream(), "UTF-8");
    }

    @Override
    public void begin(Header header) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters(XmlChars.safe("\n"));
        xml.setDefaultNamespace(NAMESPACE);
        xml.writeStartElement(NAMESPACE, "katalog");
        xml.writeDefaultNamespace(NAMESPACE);
        xml.writeAttribute("version", XmlChars.safe("1"));
        xml.writeAttribute("erzeugtAm", XmlChars.safe(DateTimeFormatter.ISO_INSTANT.format(header.erzeugtAm())));
        depth++;
        open("laender");
        for (StateStatus s : header.laender()) {
            indent();
            xml.writeEmptyElement(NAMESPACE, "land");
            xml.writeAttribute("code", XmlChars.safe(s.land()));
            xml.writeAttribute("status", XmlChars.safe(s.status()));
            xml.writeAttribute("angebote", XmlChars.safe(Long.toString(s.angebote())));
            if (s.grund() != null) {
                xml.writeAttribute("grund", XmlChars.safe(s.grund()));
            }
        }
        closeElement();
    }

    @Override
    public void service(Service s) throws XMLStreamException {
        open("leistung");
        xml.writeAttribute("leistungsschluessel", XmlChars.safe(s.leistungsschluessel()));
        element("bezeichnung", s.bezeichnung());
        element("imLeika", Boolean.toString(s.imLeika()));
        element("leistungstyp", s.leistungstyp());
        element("ozgId", s.ozgId());
        element("themenfeld", s.themenfeld());
        element("hoechsterReifegrad", s.hoechsterReifegrad());
        for (StateSummary st : s.laender()) {
            open("angebotIn");
            xml.writeAttribute("land", XmlChars.safe(st.land()));
            xml.writeAttribute("veraltet", XmlChars.safe(Boolean.toString(st.veraltet())));
            xml.writeAttribute("gebiete", XmlChars.safe(Long.toString(st.gebiete())));
            if (st.hoechsterReifegrad() != null) {
                xml.writeAttribute("hoechsterReifegrad", XmlChars.safe(st.hoechsterReifegrad().toString()));
            }
            for (MaturityCount m : st.reifegrade()) {
                indent();
                xml.writeEmptyElement(NAMESPACE, "reifegrad");
                xml.writeAttribute("stufe", XmlChars.safe(m.reifegrad() == null ? "keine" : m.reifegrad().toString()));
                xml.writeAttribute("anzahl", XmlChars.safe(Long.toString(m.anzahl())));
            }
            closeElement();
        }
        for (EfaCandidate e : s.efaKandidaten()) {
            indent();
            xml.writeEmptyElement(NAMESPACE, "efaKandidat");
            xml.writeAttribute("land", XmlChars.safe(e.land()));
            xml.writeAttribute("grund", XmlChars.safe(e.grund()));
        }
        for (Angebot a : s.angebote()) {
            angebot(a);
        }
        closeElement();
    }

    @Override
    public void localService(LocalService l) throws XMLStreamException {
        open("lokaleLeistung");
        xml.writeAttribute("land", XmlChars.safe(l.land()));
        xml.writeAttribute("sourceId", XmlChars.safe(l.sourceId()));
        element("bezeichnung", l.bezeichnung());
        for (Angebot a : l.angebote()) {
            angebot(a);
        }
        closeElement();
    }

    private void angebot(Angebot a) throws XMLStreamException {
        open("angebot");
        xml.writeAttribute("land", XmlChars.safe(a.land()));
        xml.writeAttribute("gebietId", XmlChars.safe(a.gebietId()));
        xml.writeAttribute("veraltet", XmlChars.safe(Boolean.toString(a.veraltet())));
        element("sourceId", a.sourceId());
        element("bezeichnung", a.bezeichnung());
        element("kurztext", a.kurztext());
        for (String code : a.typisierung()) {
            element("typisierung", code);
        }
        element("ozgId", a.ozgId());
        if (a.reifegrad() != null) {
            indent();
            xml.writeStartElement(NAMESPACE, "reifegrad");
            xml.writeAttribute("modell", XmlChars.safe(a.reifegradModell()));
            xml.writeCharacters(XmlChars.safe(a.reifegrad().toString()));
            xml.writeEndElement();
        }
        element("onlinedienstUrl", a.onlinedienstUrl());
        element("zustaendigeStelle", a.zustaendigeStelle());
        element("gueltigAb", a.gueltigAb());
        element("gueltigBis", a.gueltigBis());
        element("geaendertAm", a.geaendertAm());
        indent();
        xml.writeEmptyElement(NAMESPACE, "herkunft");
        xml.writeAttribute("datei", XmlChars.safe(a.quelleDatei()));
        xml.writeAttribute("zeile", XmlChars.safe(Long.toString(a.quelleZeile())));
        if (a.quelleElement() != null) {
            xml.writeAttribute("element", XmlChars.safe(a.quelleElement()));
        }
        closeElement();
    }

    private void element(String name, Object value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        indent();
        xml.writeStartElement(NAMESPACE, name);
        xml.writeCharacters(XmlChars.safe(value.toString()));
        xml.writeEndElement();
    }

    private void open(String name) throws XMLStreamException {
        indent();
        xml.writeStartElement(NAMESPACE, name);
        depth++;
    }

    private void closeElement() throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters(XmlChars.safe("\n"));
        for (int i = 0; i < depth; i++) {
            xml.writeCharacters(XmlChars.safe("  "));
        }
    }

    @Override
    public void end() throws Exception {
        depth--;
        indent();
        xml.writeEndElement();
        xml.writeCharacters(XmlChars.safe("\n"));
        xml.writeEndDocument();
        xml.flush();
        file.commit();
    }

    @Override
    public void close() throws Exception {
        file.close();
    }
}
