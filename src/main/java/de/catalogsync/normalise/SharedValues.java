package de.catalogsync.normalise;

import java.util.EnumSet;
import java.util.Set;

/**
 * Raw values that many records of one export share, so that the {@link Normaliser} applies each rule to them once
 * instead of once per record. In XZuFi every Zuständigkeit of a Leistung (one per area, often hundreds) carries the
 * Leistung's key, names, texts, classification and dates. A record that names a SharedValues carries the same raw
 * values in those fields; only its own fields (area, authority, link) are normalised per record.
 */
public final class SharedValues {

    private final Set<StandardField> fields;
    private final String[] values;
    private volatile Kept kept;

    /** @param values raw text per {@link StandardField#ordinal()}; only {@code fields} are read */
    public SharedValues(Set<StandardField> fields, String[] values) {
        this.fields = fields.isEmpty() ? EnumSet.noneOf(StandardField.class) : EnumSet.copyOf(fields);
        this.values = values.clone();
    }

    boolean covers(StandardField field) {
        return fields.contains(field);
    }

    String value(StandardField field) {
        return values[field.ordinal()];
    }

    /** The outcomes the given normaliser kept here, or null: another state's rules may differ. */
    Object[] outcomes(Normaliser normaliser) {
        Kept k = kept;
        return k != null && k.normaliser == normaliser ? k.outcomes : null;
    }

    void keep(Normaliser normaliser, Object[] outcomes) {
        kept = new Kept(normaliser, outcomes);
    }

    private record Kept(Normaliser normaliser, Object[] outcomes) {
    }
}
