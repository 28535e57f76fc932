package de.catalogsync.publish;

import java.io.IOException;
import java.time.format.DateTimeFormatter;

import de.catalogsync.publish.MergedCatalogue.Angebot;
import de.catalogsync.publish.MergedCatalogue.EfaCandidate;
import de.catalogsync.publish.MergedCatalogue.Header;
import de.catalogsync.publish.MergedCatalogue.LocalService;
import de.catalogsync.publish.MergedCatalogue.MaturityCount;
import de.catalogsync.publish.MergedCatalogue.Service;
import de.catalogsync.publish.MergedCatalogue.StateStatus;
import de.catalogsync.publish.MergedCatalogue.StateSummary;

/**
 * The catalogue as XML in its own namespace, valid against {@code merged-catalogue.xsd}; streamed, indented, through
 * {@link XmlOut} (the same bytes the JDK's XMLStreamWriter wrote, at a fraction of its cost).
 */
public class XmlCatalogueSink implements MergedCatalogue.Sink {

    public static final String NAMESPACE = "urn:de:catalog-sync:katalog:1";
    public static final String XSD_RESOURCE = "xsd/merged-catalogue.xsd";
    public static final String XSD_FILE = "merged-catalogue.xsd";

    private final AtomicFile file;
    private final XmlOut xml;
    private int depth;

    public XmlCatalogueSink(AtomicFile file) {
        this.file = file;
        this.xml = new XmlOut(file.stream());
    }

    @Override
    public void begin(Header header) throws IOException {
        xml.startDocument();
        xml.characters("\n");
        xml.startElement("katalog");
        xml.defaultNamespace(NAMESPACE);
        xml.attribute("version", "1");
        xml.attribute("erzeugtAm", DateTimeFormatter.ISO_INSTANT.format(header.erzeugtAm()));
        depth++;
        open("laender");
        for (StateStatus s : header.laender()) {
            indent();
            xml.emptyElement("land");
            xml.attribute("code", s.land());
            xml.attribute("status", s.status());
            xml.attribute("angebote", Long.toString(s.angebote()));
            if (s.grund() != null) {
                xml.attribute("grund", s.grund());
            }
        }
        closeElement();
    }

    @Override
    public void service(Service s) throws IOException {
        open("leistung");
        xml.attribute("leistungsschluessel", s.leistungsschluessel());
        element("bezeichnung", s.bezeichnung());
        element("imLeika", Boolean.toString(s.imLeika()));
        element("leistungstyp", s.leistungstyp());
        element("ozgId", s.ozgId());
        element("themenfeld", s.themenfeld());
        element("hoechsterReifegrad", s.hoechsterReifegrad());
        for (StateSummary st : s.laender()) {
            open("angebotIn");
            xml.attribute("land", st.land());
            xml.attribute("veraltet", Boolean.toString(st.veraltet()));
            xml.attribute("gebiete", Long.toString(st.gebiete()));
            if (st.hoechsterReifegrad() != null) {
                xml.attribute("hoechsterReifegrad", st.hoechsterReifegrad().toString());
            }
            for (MaturityCount m : st.reifegrade()) {
                indent();
                xml.emptyElement("reifegrad");
                xml.attribute("stufe", m.reifegrad() == null ? "keine" : m.reifegrad().toString());
                xml.attribute("anzahl", Long.toString(m.anzahl()));
            }
            closeElement();
        }
        for (EfaCandidate e : s.efaKandidaten()) {
            indent();
            xml.emptyElement("efaKandidat");
            xml.attribute("land", e.land());
            xml.attribute("grund", e.grund());
        }
        for (Angebot a : s.angebote()) {
            angebot(a);
        }
        closeElement();
    }

    @Override
    public void localService(LocalService l) throws IOException {
        open("lokaleLeistung");
        xml.attribute("land", l.land());
        xml.attribute("sourceId", l.sourceId());
        element("bezeichnung", l.bezeichnung());
        for (Angebot a : l.angebote()) {
            angebot(a);
        }
        closeElement();
    }

    private void angebot(Angebot a) throws IOException {
        open("angebot");
        xml.attribute("land", a.land());
        xml.attribute("gebietId", a.gebietId());
        xml.attribute("veraltet", Boolean.toString(a.veraltet()));
        element("sourceId", a.sourceId());
        element("bezeichnung", a.bezeichnung());
        element("kurztext", a.kurztext());
        for (String code : a.typisierung()) {
            element("typisierung", code);
        }
        element("ozgId", a.ozgId());
        if (a.reifegrad() != null) {
            indent();
            xml.startElement("reifegrad");
            xml.attribute("modell", a.reifegradModell());
            xml.characters(a.reifegrad().toString());
            xml.endElement();
        }
        element("onlinedienstUrl", a.onlinedienstUrl());
        element("zustaendigeStelle", a.zustaendigeStelle());
        element("gueltigAb", a.gueltigAb());
        element("gueltigBis", a.gueltigBis());
        element("geaendertAm", a.geaendertAm());
        indent();
        xml.emptyElement("herkunft");
        xml.attribute("datei", a.quelleDatei());
        xml.attribute("zeile", Long.toString(a.quelleZeile()));
        if (a.quelleElement() != null) {
            xml.attribute("element", a.quelleElement());
        }
        closeElement();
    }

    private void element(String name, Object value) throws IOException {
        if (value == null) {
            return;
        }
        indent();
        xml.startElement(name);
        xml.characters(value.toString());
        xml.endElement();
    }

    private void open(String name) throws IOException {
        indent();
        xml.startElement(name);
        depth++;
    }

    private void closeElement() throws IOException {
        depth--;
        indent();
        xml.endElement();
    }

    private void indent() throws IOException {
        xml.characters("\n");
        for (int i = 0; i < depth; i++) {
            xml.characters("  ");
        }
    }

    @Override
    public void end() throws Exception {
        depth--;
        indent();
        xml.endElement();
        xml.characters("\n");
        xml.endDocument();
        file.commit();
    }

    @Override
    public void close() throws Exception {
        file.close();
    }
}
