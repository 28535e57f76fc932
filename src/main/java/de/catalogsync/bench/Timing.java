package de.catalogsync.bench;

/** Rows done in seconds. */
record Timing(long rows, double seconds) {

    double rowsPerSecond() {
        return seconds <= 0 ? 0 : rows / seconds;
    }
}
