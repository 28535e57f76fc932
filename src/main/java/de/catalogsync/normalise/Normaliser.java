package de.catalogsync.normalise;

import java.time.LocalDate;

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

    private Offering toOffering(SourceRecord r) {
        String key = LeikaKeys.normalise(r.value(StandardField.LEISTUNGSSCHLUESSEL));
        String sourceId = Texts.clean(r.value(StandardField.SOURCE_ID));
        String bezeichnung = Texts.clean(r.value(StandardField.BEZEICHNUNG));
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
                Texts.clean(r.value(StandardField.KURZTEXT)),
                Typisierung.normalise(r.value(StandardField.TYPISIERUNG)),
                OzgIds.normalise(r.value(StandardField.OZG_ID)),
                reifegrad,
                reifegrad == null ? null : maturityModel,
                WebLinks.normalise(r.value(StandardField.ONLINEDIENST_URL)),
                Texts.clean(r.value(StandardField.ZUSTAENDIGE_STELLE)),
                gueltigAb,
                gueltigBis,
                geaendertAm,
                r.provenance());
    }
}
