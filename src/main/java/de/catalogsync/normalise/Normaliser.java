package de.catalogsync.normalise;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.catalogsync.config.SourceProperties;
import de.catalogsync.sources.SourceRecord;

/**
 * Turns one state's raw records into the shared standard. Every rule failure becomes a {@link Reject}; no input
 * makes it throw, so one bad row never stops a run.
 */
public class Normaliser {

    private final Land land;
    private final DateRule dates;
    private final MaturityRule maturity;
    private final String maturityModel;
    /**
     * Valid links already checked. Most rows of an export link one of a few online services (one service, many
     * areas), and parsing the same URL again was an eighth of the XZuFi reader's time. Bounded: cleared when full.
     */
    private final Map<String, String> validLinks = new ConcurrentHashMap<>();
    private static final int MAX_LINKS = 4096;

    public Normaliser(SourceProperties source) {
        this.land = source.land();
        this.dates = new DateRule(source.dateFormat());
        this.maturityModel = source.reifegradModell();
        this.maturity = new MaturityRule(source.vocabulary(StandardField.REIFEGRAD), maturityModel);
    }

    public NormalisationResult normalise(SourceRecord record) {
        if (record.defect() != null) {
            return new Reject(land, record.provenance(), record.defect(), record.defectMessage(), record.rawText());
        }
        try {
            return toOffering(record);
        } catch (InvalidValueException e) {
            return new Reject(land, record.provenance(), e.reason(), e.getMessage(), record.rawText());
        } catch (RuntimeException e) {
            // A rule we did not foresee must not stop the run: the row is kept as a reject for a human to read.
            return new Reject(land, record.provenance(), RejectReason.RECORD,
                    "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(), record.rawText());
        }
    }

    /**
     * The catalogue's columns have a width (see V1__catalogue.sql); a longer value would fail the whole chunk, and
     * with it the state, on a database error nobody can act on. It is this row's reject instead.
     */
    private static String limit(StandardField field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidValueException(RejectReason.TEXT, field.key() + " has " + value.length()
                    + " characters, more than the " + max + " the catalogue keeps");
        }
        return value;
    }

    private String link(String raw) {
        String valid = raw == null ? null : validLinks.get(raw);
        if (valid != null) {
            return valid;
        }
        valid = WebLinks.normalise(raw); // throws for an invalid link: those are not kept
        if (valid != null && raw.length() <= 4000) { // longer ones are rejects anyway; they are not kept
            if (validLinks.size() >= MAX_LINKS) {
                validLinks.clear();
            }
            validLinks.put(raw, valid);
        }
        return valid;
    }

    private Offering toOffering(SourceRecord r) {
        String key = LeikaKeys.normalise(r.value(StandardField.LEISTUNGSSCHLUESSEL));
        String sourceId = limit(StandardField.SOURCE_ID, Texts.clean(r.value(StandardField.SOURCE_ID)), 200);
        String bezeichnung = limit(StandardField.BEZEICHNUNG, Texts.clean(r.value(StandardField.BEZEICHNUNG)), 4000);
        if (key == null && sourceId == null) {
            throw new InvalidValueException(RejectReason.EMPTY,
                    "service has neither a LeiKa key nor an id of the state, so it cannot be identified");
        }
        if (key == null && bezeichnung == null) {
            throw new InvalidValueException(RejectReason.EMPTY, "state-local service " + sourceId + " has no name");
        }
        String gebietId = AreaIds.normalise(r.value(StandardField.GEBIET_ID), land);
        LocalDate gueltigAb = dates.parse(StandardField.GUELTIG_AB, r.value(StandardField.GUELTIG_AB));
        LocalDate gueltigBis = dates.parse(StandardField.GUELTIG_BIS, r.value(StandardField.GUELTIG_BIS));
        LocalDate geaendertAm = dates.parse(StandardField.GEAENDERT_AM, r.value(StandardField.GEAENDERT_AM));
        if (gueltigAb != null && gueltigBis != null && gueltigBis.isBefore(gueltigAb)) {
            throw new InvalidValueException(RejectReason.DATE,
                    "gueltigBis " + gueltigBis + " lies before gueltigAb " + gueltigAb);
        }
        Integer reifegrad = maturity.parse(r.value(StandardField.REIFEGRAD));
        return new Offering(
                key,
                land,
                gebietId,
                sourceId,
                bezeichnung,
                limit(StandardField.KURZTEXT, Texts.clean(r.value(StandardField.KURZTEXT)), 20000),
                limit(StandardField.TYPISIERUNG, Typisierung.normalise(r.value(StandardField.TYPISIERUNG)), 200),
                OzgIds.normalise(r.value(StandardField.OZG_ID)),
                reifegrad,
                reifegrad == null ? null : maturityModel,
                limit(StandardField.ONLINEDIENST_URL, link(r.value(StandardField.ONLINEDIENST_URL)), 4000),
                limit(StandardField.ZUSTAENDIGE_STELLE, Texts.clean(r.value(StandardField.ZUSTAENDIGE_STELLE)), 4000),
                gueltigAb,
                gueltigBis,
                geaendertAm,
                r.provenance());
    }
}
