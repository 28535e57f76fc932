package de.catalogsync.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The shapes of the published catalogue, one entry at a time so that no writer holds the whole of it. */
public final class MergedCatalogue {

    private MergedCatalogue() {
    }

    /** @param status "aktuell" when its latest export was published, "veraltet" when kept from an earlier one */
    public record StateStatus(String land, String status, long angebote, Instant stand, String grund) {
    }

    public record Header(Instant erzeugtAm, List<StateStatus> laender) {
    }

    /** @param reifegrad null counts the offerings for which the state gave no maturity */
    public record MaturityCount(Integer reifegrad, long anzahl) {
    }

    public record StateSummary(String land, boolean veraltet, long gebiete, Integer hoechsterReifegrad,
                               List<MaturityCount> reifegrade) {
    }

    /** @param grund REIFEGRAD: offers it below level 3; KEIN_ANGEBOT: does not offer it */
    public record EfaCandidate(String land, String grund) {
    }

    public record Angebot(String land, String gebietId, String leistungsschluessel, String sourceId,
                          String bezeichnung, String kurztext, List<String> typisierung, String ozgId,
                          Integer reifegrad, String reifegradModell, String onlinedienstUrl, String zustaendigeStelle,
                          LocalDate gueltigAb, LocalDate gueltigBis, LocalDate geaendertAm, boolean veraltet,
                          String quelleDatei, long quelleZeile, String quelleElement) {
    }

    public record Service(String leistungsschluessel, String bezeichnung, boolean imLeika, String leistungstyp,
                          String ozgId, String themenfeld, Integer hoechsterReifegrad, List<StateSummary> laender,
                          List<EfaCandidate> efaKandidaten, List<Angebot> angebote) {

        public List<String> laenderCodes() {
            return laender.stream().map(StateSummary::land).toList();
        }
    }

    /** A state's service without a LeiKa key: published, never merged across states. */
    public record LocalService(String land, String sourceId, String bezeichnung, List<Angebot> angebote) {
    }

    /** Receives the catalogue in order: begin, every service, every local service, end. */
    public interface Sink extends AutoCloseable {

        void begin(Header header) throws Exception;

        void service(Service service) throws Exception;

        void localService(LocalService service) throws Exception;

        void end() throws Exception;
    }
}
