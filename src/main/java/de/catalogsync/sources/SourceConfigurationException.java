package de.catalogsync.sources;

/** The configuration does not fit the export (a header named in {@code columns} is missing, ...). */
public class SourceConfigurationException extends RuntimeException {

    public SourceConfigurationException(String message) {
        super(message);
    }
}
