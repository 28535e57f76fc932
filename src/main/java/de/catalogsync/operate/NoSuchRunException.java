package de.catalogsync.operate;

/** No run has this id. */
public class NoSuchRunException extends UsageException {

    public NoSuchRunException(long id) {
        super("no run with id " + id);
    }
}
