package de.catalogsync.normalise;

/** Thrown by a normalisation rule; the normaliser turns it into a {@link Reject}. */
public class InvalidValueException extends RuntimeException {

    private final RejectReason reason;

    public InvalidValueException(RejectReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
