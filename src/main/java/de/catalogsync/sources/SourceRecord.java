package de.catalogsync.sources;

import java.util.function.Supplier;

import de.catalogsync.normalise.Provenance;
import de.catalogsync.normalise.RejectReason;
import de.catalogsync.normalise.SharedValues;
import de.catalogsync.normalise.StandardField;

/**
 * One record as a reader found it, before normalisation: the raw values of the shared-standard fields.
 *
 * @param values        raw text per {@link StandardField#ordinal()}, null where the source has no such field
 * @param shared        values this record shares with others of its export, normalised once for all; or null
 * @param raw           the record as it stood in the file, for reject reports: asked for only when the record is
 *                      rejected, so a reader that has to compose it (XZuFi) composes it for the rejects alone
 * @param defect        set when the reader already knows the record is broken (wrong column count, ...)
 * @param defectMessage what is wrong with it
 */
public record SourceRecord(String[] values, SharedValues shared, Provenance provenance, Supplier<String> raw,
                           RejectReason defect, String defectMessage) {

    public static SourceRecord of(String[] values, Provenance provenance, String rawText) {
        return of(values, provenance, () -> rawText);
    }

    public static SourceRecord of(String[] values, Provenance provenance, Supplier<String> raw) {
        return of(values, null, provenance, raw);
    }

    /** @param values all of the record's raw values, the shared ones included */
    public static SourceRecord of(String[] values, SharedValues shared, Provenance provenance, Supplier<String> raw) {
        return new SourceRecord(values, shared, provenance, raw, null, null);
    }

    public static SourceRecord broken(Provenance provenance, String rawText, RejectReason defect, String message) {
        return new SourceRecord(new String[StandardField.COUNT], null, provenance, () -> rawText, defect, message);
    }

    public String value(StandardField field) {
        return values[field.ordinal()];
    }

    /** The record as it stood in the file. */
    public String rawText() {
        return raw.get();
    }
}
