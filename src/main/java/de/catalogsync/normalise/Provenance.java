package de.catalogsync.normalise;

/**
 * Where a record came from.
 *
 * @param file    the export file as configured
 * @param line    the physical line where the record starts (1-based, the header is line 1)
 * @param seq     the record's ordinal in the file (1-based); decides which of two duplicates came first
 * @param element for XML, the element path with its ids; null for CSV
 */
public record Provenance(String file, long line, long seq, String element) {
}
