package de.catalogsync.operate;

/** Wrong usage or configuration: exit code 2 with a one-line reason. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
