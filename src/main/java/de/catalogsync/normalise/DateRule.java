package de.catalogsync.normalise;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Date rule: the state's configured pattern, parsed strictly (no 31.02.); blank is null. */
public final class DateRule {

    private final String pattern;
    private final DateTimeFormatter formatter;
    /** Dates repeat a lot in an export (a few thousand distinct days); parsing one is costly, looking it up is not. */
    private final Map<String, LocalDate> parsed = new ConcurrentHashMap<>();

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
        LocalDate known = parsed.get(s);
        if (known != null) {
            return known;
        }
        try {
            LocalDate date = LocalDate.parse(s, formatter);
            if (parsed.size() >= 20_000) {
                parsed.clear();
            }
            parsed.put(s, date);
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(RejectReason.DATE,
                    field.key() + " \"" + s + "\" is not a valid date of the form " + pattern);
        }
    }
}
