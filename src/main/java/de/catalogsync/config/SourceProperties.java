package de.catalogsync.config;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.bind.DefaultValue;

import de.catalogsync.normalise.Land;
import de.catalogsync.normalise.StandardField;

/**
 * One partner state's export: where it is and how to read it. Onboarding a state is one more of these in
 * the configuration.
 *
 * @param columns shared-standard field name (see {@link StandardField}) to the header of that column in the file
 * @param values  per field, the state's own vocabulary to the shared-standard value
 */
public record SourceProperties(
        String state,
        SourceFormat format,
        Path location,
        @DefaultValue("UTF-8") Charset encoding,
        @DefaultValue(";") String separator,
        @DefaultValue("\"") String quote,
        @DefaultValue("yyyy-MM-dd") String dateFormat,
        @DefaultValue("1.1") String reifegradModell,
        Map<String, String> columns,
        Map<String, Map<String, String>> values) {

    public SourceProperties {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** The same source reading another file, for a manual import. */
    public SourceProperties withLocation(Path file) {
        return new SourceProperties(state, format, file, encoding, separator, quote, dateFormat, reifegradModell,
                columns, values);
    }

    public Land land() {
        return Land.fromCode(state);
    }

    public char separatorChar() {
        return singleChar("separator", separator);
    }

    public char quoteChar() {
        return singleChar("quote", quote);
    }

    /** The state's vocabulary for one field, never null. */
    public Map<String, String> vocabulary(StandardField field) {
        Map<String, String> map = values.get(field.key());
        return map == null ? Map.of() : map;
    }

    private char singleChar(String name, String value) {
        if (value == null || value.length() != 1) {
            throw new IllegalStateException("catalog.sources[" + state + "]." + name
                    + " must be exactly one character, was \"" + value + "\"");
        }
        return value.charAt(0);
    }
}
