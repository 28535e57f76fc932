package de.catalogsync.publish;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

import de.catalogsync.publish.MergedCatalogue.Angebot;
import de.catalogsync.publish.MergedCatalogue.Header;
import de.catalogsync.publish.MergedCatalogue.LocalService;
import de.catalogsync.publish.MergedCatalogue.Service;

/**
 * The catalogue flat, one row per offering with its merged entry's fields repeated, for spreadsheets: RFC 4180,
 * comma, UTF-8, LF. Carries no timestamp, so equal inputs give equal bytes.
 */
public class CsvCatalogueSink implements MergedCatalogue.Sink {

    static final String[] HEADER = {"leistungsschluessel", "land", "gebietId", "sourceId", "bezeichnung", "kurztext",
            "typisierung", "ozgId", "reifegrad", "reifegradModell", "onlinedienstUrl", "zustaendigeStelle", "gueltigAb",
            "gueltigBis", "geaendertAm", "veraltet", "leikaBezeichnung", "leistungstyp", "themenfeld",
            "hoechsterReifegrad", "laender", "efaKandidaten", "quelleDatei", "quelleZeile", "quelleElement"};

    private final AtomicFile file;
    private final ICSVWriter csv;

    public CsvCatalogueSink(AtomicFile file) {
        this.file = file;
        Writer writer = new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
        this.csv = new CSVWriterBuilder(writer).withSeparator(',').withLineEnd("\n").build();
    }

    @Override
    public void begin(Header header) {
        csv.writeNext(HEADER, false);
    }

    @Override
    public void service(Service s) {
        String laender = String.join(" ", s.laenderCodes());
        String efa = s.efaKandidaten().stream().map(MergedCatalogue.EfaCandidate::land).collect(Collectors.joining(" "));
        for (Angebot a : s.angebote()) {
            row(a, s.bezeichnung(), s.leistungstyp(), s.themenfeld(), str(s.hoechsterReifegrad()), laender, efa);
        }
    }

    @Override
    public void localService(LocalService l) {
        for (Angebot a : l.angebote()) {
            row(a, "", "", "", "", a.land(), "");
        }
    }

    private void row(Angebot a, String leikaName, String typ, String themenfeld, String hoechster, String laender,
                     String efa) {
        String[] cells = {a.leistungsschluessel(), a.land(), a.gebietId(), a.sourceId(), a.bezeichnung(), a.kurztext(),
                String.join(",", a.typisierung()), a.ozgId(), str(a.reifegrad()), a.reifegradModell(),
                a.onlinedienstUrl(), a.zustaendigeStelle(), str(a.gueltigAb()), str(a.gueltigBis()), str(a.geaendertAm()),
                String.valueOf(a.veraltet()), leikaName, typ, themenfeld, hoechster, laender, efa, a.quelleDatei(),
                String.valueOf(a.quelleZeile()), a.quelleElement()};
        for (int i = 0; i < cells.length; i++) {
            cells[i] = SpreadsheetSafe.cell(cells[i]);
        }
        csv.writeNext(cells, false);
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    @Override
    public void end() throws Exception {
        csv.flush();
        if (csv.checkError()) {
            throw new java.io.IOException("writing the CSV catalogue failed", csv.getException());
        }
        file.commit();
    }

    @Override
    public void close() throws Exception {
        file.close();
    }
}
