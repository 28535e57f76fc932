package de.catalogsync.sources;

import java.nio.file.Path;

import de.catalogsync.config.SourceProperties;
import de.catalogsync.sources.csv.CsvRecordSource;
import de.catalogsync.sources.xzufi.XzufiRecordSource;

/** Opens the reader that fits a source's configured format. */
public final class RecordSources {

    private RecordSources() {
    }

    public static RecordSource open(SourceProperties source) {
        return open(source, source.location());
    }

    /** Opens {@code file} as if it were the configured export of the source's state (manual imports). */
    public static RecordSource open(SourceProperties source, Path file) {
        return switch (source.format()) {
            case CSV -> new CsvRecordSource(source, file);
            case XZUFI -> new XzufiRecordSource(source, file);
        };
    }
}
