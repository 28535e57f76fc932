package de.catalogsync.normalise;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Date rule: the state's configured pattern, parsed strictly (no 31.02.); blank is null. */
public final class DateRule {

    private final String pattern;
    private final DateTimeFormatter formatter;

    public DateRule(String pattern) {
        this.pattern = pattern;
        // STRICT needs "u" (proleptic year); "y" would demand an era. Users write yyyy, so translate.
        this.formatter = DateTimeFormatter.ofPattern(pattern.replace('y', 'u')).withResolverStyle(ResolverStyle.STRICT);
    }

    public LocalDate parse(StandardField field, String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(s, formatter);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(RejectReason.DATE,
                    field.key() + " \"" + s + "\" is not a valid date of the form " + pattern);
        }
    }
}
