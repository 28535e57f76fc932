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

    private Offering toOffering(SourceRecord r) {
        Object[] shared = sharedOutcomes(r.shared());
        // The fields in the order the rules always ran: a record with two faults is rejected for the first.
        String key = (String) field(r, shared, StandardField.LEISTUNGSSCHLUESSEL);
        String sourceId = (String) field(r, shared, StandardField.SOURCE_ID);
        String bezeichnung = (String) field(r, shared, StandardField.BEZEICHNUNG);
        if (key == null && sourceId == null) {
            throw new InvalidValueException(RejectReason.EMPTY,
                    "service has neither a LeiKa key nor an id of the state, so it cannot be identified");
        }
        if (key == null && bezeichnung == null) {
            throw new InvalidValueException(RejectReason.EMPTY, "state-local service " + sourceId + " has no name");
        }
        String gebietId = (String) field(r, shared, StandardField.GEBIET_ID);
        LocalDate gueltigAb = (LocalDate) field(r, shared, StandardField.GUELTIG_AB);
        LocalDate gueltigBis = (LocalDate) field(r, shared, StandardField.GUELTIG_BIS);
        LocalDate geaendertAm = (LocalDate) field(r, shared, StandardField.GEAENDERT_AM);
        if (gueltigAb != null && gueltigBis != null && gueltigBis.isBefore(gueltigAb)) {
            throw new InvalidValueException(RejectReason.DATE,
                    "gueltigBis " + gueltigBis + " lies before gueltigAb " + gueltigAb);
        }
        Integer reifegrad = (Integer) field(r, shared, StandardField.REIFEGRAD);
        String kurztext = (String) field(r, shared, StandardField.KURZTEXT);
        String typisierung = (String) field(r, shared, StandardField.TYPISIERUNG);
        String ozgId = (String) field(r, shared, StandardField.OZG_ID);
        String onlinedienstUrl = (String) field(r, shared, StandardField.ONLINEDIENST_URL);
        String zustaendigeStelle = (String) field(r, shared, StandardField.ZUSTAENDIGE_STELLE);
        return new Offering(key, land, gebietId, sourceId, bezeichnung, kurztext, typisierung, ozgId, reifegrad,
                reifegrad == null ? null : maturityModel, onlinedienstUrl, zustaendigeStelle, gueltigAb, gueltigBis,
                geaendertAm, r.provenance());
    }

    /** The rule of one field: its normalised value, null when absent; throws for a value that breaks it. */
    private Object rule(StandardField field, String raw) {
        return switch (field) {
            case LEISTUNGSSCHLUESSEL -> LeikaKeys.normalise(raw);
            case SOURCE_ID -> limit(field, Texts.clean(raw), 200);
            case BEZEICHNUNG -> limit(field, Texts.clean(raw), 4000);
            case KURZTEXT -> limit(field, Texts.clean(raw), 20000);
            case TYPISIERUNG -> limit(field, Typisierung.normalise(raw), 200);
            case OZG_ID -> OzgIds.normalise(raw);
            case REIFEGRAD -> maturity.parse(raw);
            case ONLINEDIENST_URL -> limit(field, WebLinks.normalise(raw), 4000);
            case ZUSTAENDIGE_STELLE -> limit(field, Texts.clean(raw), 4000);
            case GEBIET_ID -> AreaIds.normalise(raw, land);
            case GUELTIG_AB, GUELTIG_BIS, GEAENDERT_AM -> dates.parse(field, raw);
        };
    }

    private Object field(SourceRecord r, Object[] shared, StandardField field) {
        if (shared != null) {
            Object outcome = shared[field.ordinal()];
            if (outcome instanceof Failure f) {
                throw f.exception(); // the same reject for every record that shares the value
            }
            if (outcome != NOT_SHARED) {
                return outcome;
            }
        }
        return rule(field, r.value(field));
    }

    /** Each shared field's outcome, worked out by the first record that names them and kept for the others. */
    private Object[] sharedOutcomes(SharedValues shared) {
        if (shared == null) {
            return null;
        }
        Object[] outcomes = shared.outcomes(this);
        if (outcomes == null) {
            outcomes = new Object[StandardField.COUNT];
            for (StandardField field : StandardField.values()) {
                if (!shared.covers(field)) {
                    outcomes[field.ordinal()] = NOT_SHARED;
                    continue;
                }
                try {
                    outcomes[field.ordinal()] = rule(field, shared.value(field));
                } catch (RuntimeException e) {
                    outcomes[field.ordinal()] = new Failure(e);
                }
            }
            shared.keep(this, outcomes);
        }
        return outcomes;
    }

    private static final Object NOT_SHARED = new Object();

    private record Failure(RuntimeException exception) {
    }
}
