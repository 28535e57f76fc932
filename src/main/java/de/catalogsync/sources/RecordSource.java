package de.catalogsync.sources;

/** A stream of records from one export file, read one at a time so that no state is ever held in memory. */
public interface RecordSource extends AutoCloseable {

    /** @return the next record, or null at the end of the file */
    SourceRecord next();

    /** Bytes of the file consumed so far, for progress reports; -1 when unknown. */
    default long bytesRead() {
        return -1;
    }

    @Override
    void close();
}
