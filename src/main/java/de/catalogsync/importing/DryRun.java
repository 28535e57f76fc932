package de.catalogsync.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.catalogsync.config.SourceProperties;
import de.catalogsync.normalise.NormalisationResult;
import de.catalogsync.normalise.Normaliser;
import de.catalogsync.normalise.Offering;
import de.catalogsync.normalise.Reject;
import de.catalogsync.normalise.RejectReason;
import de.catalogsync.sources.RecordSource;
import de.catalogsync.sources.RecordSources;
import de.catalogsync.sources.SourceRecord;

/**
 * Reads and normalises a file exactly as an import would, and reports what would happen, without writing
 * anything. Duplicates of (key, area) are found in memory here, so a dry run of a very large export needs
 * memory in proportion to its rows; the import itself finds them in the database.
 */
public final class DryRun {

    private DryRun() {
    }

    /** @param firstRejects the first rejects in file order, at most the requested number */
    public record Report(String state, String file, long read, long valid, long rejected,
                         Map<RejectReason, Long> rejectsByReason, List<Reject> firstRejects) {

        public boolean clean() {
            return rejected == 0;
        }
    }

    public static Report run(SourceProperties source, Path file, int maxRejectsShown) {
        Normaliser normaliser = new Normaliser(source);
        Map<String, Long> firstLineOf = new HashMap<>();
        Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
        List<Reject> shown = new ArrayList<>();
        long read = 0;
        long rejected = 0;
        try (RecordSource records = RecordSources.open(source, file)) {
            SourceRecord record;
            while ((record = records.next()) != null) {
                read++;
                NormalisationResult result = normaliser.normalise(record);
                if (result instanceof Offering o) {
                    Long first = firstLineOf.putIfAbsent(o.identity() + "|" + o.gebietId(), o.provenance().line());
                    if (first != null) {
                        result = new Reject(o.land(), o.provenance(), RejectReason.DUPLICATE,
                                "second row for leistungsschluessel/id " + o.identity() + " and gebietId "
                                        + o.gebietId() + "; the first is line " + first, record.rawText());
                    }
                }
                if (result instanceof Reject r) {
                    rejected++;
                    byReason.merge(r.reason(), 1L, Long::sum);
                    if (shown.size() < maxRejectsShown) {
                        shown.add(r);
                    }
                }
            }
        }
        return new Report(source.land().name(), file.toString(), read, read - rejected, rejected, byReason, shown);
    }
}
