package de.catalogsync.publish;

import java.time.format.DateTimeFormatter;

import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import de.catalogsync.publish.MergedCatalogue.Angebot;
import de.catalogsync.publish.MergedCatalogue.EfaCandidate;
import de.catalogsync.publish.MergedCatalogue.Header;
import de.catalogsync.publish.MergedCatalogue.LocalService;
import de.catalogsync.publish.MergedCatalogue.MaturityCount;
import de.catalogsync.publish.MergedCatalogue.Service;
import de.catalogsync.publish.MergedCatalogue.StateStatus;
import de.catalogsync.publish.MergedCatalogue.StateSummary;

/** The catalogue as one JSON document, streamed with Jackson's generator; same structure as the XML. */
public class JsonCatalogueSink implements MergedCatalogue.Sink {

    // without indentation, like the XML: at 16 million offerings it made the file a third larger and cost the
    // writer a third of its time
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final AtomicFile file;
    private final JsonGenerator json;
    private boolean localsStarted;

    public JsonCatalogueSink(AtomicFile file) {
        this.file = file;
        this.json = MAPPER.createGenerator(file.stream(), JsonEncoding.UTF8);
    }

    @Override
    public void begin(Header header) {
        json.writeStartObject();
        json.writeNumberProperty("version", 1);
        json.writeStringProperty("erzeugtAm", DateTimeFormatter.ISO_INSTANT.format(header.erzeugtAm()));
        json.writeArrayPropertyStart("laender");
        for (StateStatus s : header.laender()) {
            json.writeStartObject();
            json.writeStringProperty("code", s.land());
            json.writeStringProperty("status", s.status());
            json.writeNumberProperty("angebote", s.angebote());
            if (s.grund() != null) {
                json.writeStringProperty("grund", s.grund());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayPropertyStart("leistungen");
    }

    @Override
    public void service(Service s) {
        json.writeStartObject();
        json.writeStringProperty("leistungsschluessel", s.leistungsschluessel());
        string("bezeichnung", s.bezeichnung());
        json.writeBooleanProperty("imLeika", s.imLeika());
        string("leistungstyp", s.leistungstyp());
        string("ozgId", s.ozgId());
        string("themenfeld", s.themenfeld());
        number("hoechsterReifegrad", s.hoechsterReifegrad());
        json.writeArrayPropertyStart("angebotIn");
        for (StateSummary st : s.laender()) {
            json.writeStartObject();
            json.writeStringProperty("land", st.land());
            json.writeBooleanProperty("veraltet", st.veraltet());
            json.writeNumberProperty("gebiete", st.gebiete());
            number("hoechsterReifegrad", st.hoechsterReifegrad());
            json.writeArrayPropertyStart("reifegrade");
            for (MaturityCount m : st.reifegrade()) {
                json.writeStartObject();
                number("stufe", m.reifegrad());
                json.writeNumberProperty("anzahl", m.anzahl());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayPropertyStart("efaKandidaten");
        for (EfaCandidate e : s.efaKandidaten()) {
            json.writeStartObject();
            json.writeStringProperty("land", e.land());
            json.writeStringProperty("grund", e.grund());
            json.writeEndObject();
        }
        json.writeEndArray();
        angebote(s.angebote());
        json.writeEndObject();
    }

    @Override
    public void localService(LocalService l) {
        if (!localsStarted) {
            json.writeEndArray();
            json.writeArrayPropertyStart("lokaleLeistungen");
            localsStarted = true;
        }
        json.writeStartObject();
        json.writeStringProperty("land", l.land());
        json.writeStringProperty("sourceId", l.sourceId());
        string("bezeichnung", l.bezeichnung());
        angebote(l.angebote());
        json.writeEndObject();
    }

    private void angebote(java.util.List<Angebot> angebote) {
        json.writeArrayPropertyStart("angebote");
        for (Angebot a : angebote) {
            json.writeStartObject();
            json.writeStringProperty("land", a.land());
            json.writeStringProperty("gebietId", a.gebietId());
            json.writeBooleanProperty("veraltet", a.veraltet());
            string("sourceId", a.sourceId());
            string("bezeichnung", a.bezeichnung());
            string("kurztext", a.kurztext());
            json.writeArrayPropertyStart("typisierung");
            for (String code : a.typisierung()) {
                json.writeString(code);
            }
            json.writeEndArray();
            string("ozgId", a.ozgId());
            number("reifegrad", a.reifegrad());
            string("reifegradModell", a.reifegradModell());
            string("onlinedienstUrl", a.onlinedienstUrl());
            string("zustaendigeStelle", a.zustaendigeStelle());
            string("gueltigAb", a.gueltigAb() == null ? null : a.gueltigAb().toString());
            string("gueltigBis", a.gueltigBis() == null ? null : a.gueltigBis().toString());
            string("geaendertAm", a.geaendertAm() == null ? null : a.geaendertAm().toString());
            json.writeObjectPropertyStart("herkunft");
            json.writeStringProperty("datei", a.quelleDatei());
            json.writeNumberProperty("zeile", a.quelleZeile());
            string("element", a.quelleElement());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void string(String name, String value) {
        if (value != null) {
            json.writeStringProperty(name, value);
        }
    }

    private void number(String name, Integer value) {
        if (value != null) {
            json.writeNumberProperty(name, value);
        }
    }

    @Override
    public void end() throws Exception {
        json.writeEndArray();
        if (!localsStarted) {
            json.writeArrayPropertyStart("lokaleLeistungen");
            json.writeEndArray();
        }
        json.writeEndObject();
        json.flush();
        file.stream().write('\n');
        file.commit();
    }

    @Override
    public void close() throws Exception {
        file.close();
    }
}
