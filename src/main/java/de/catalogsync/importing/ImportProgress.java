package de.catalogsync.importing;

import java.nio.file.Path;

/** Receives the progress of one state's import, for terminals and logs. */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {
    };

    default void started(Path file, long fileSize, long resumedAt) {
    }

    default void advanced(long records, long bytesRead) {
    }

    default void finished(long records) {
    }
}
