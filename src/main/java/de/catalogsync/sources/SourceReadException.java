package de.catalogsync.sources;

/** The export cannot be read at all (missing, wrong encoding, not well-formed): its state fails alone. */
public class SourceReadException extends RuntimeException {

    public SourceReadException(String message) {
        super(message);
    }

    public SourceReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
