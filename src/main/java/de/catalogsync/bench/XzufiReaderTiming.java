package de.catalogsync.bench;

import java.util.List;
import java.util.Map;

import de.catalogsync.config.SourceFormat;
import de.catalogsync.config.SourceProperties;
import de.catalogsync.normalise.NormalisationResult;
import de.catalogsync.normalise.Normaliser;
import de.catalogsync.normalise.Offering;
import de.catalogsync.sources.SourceRecord;
import de.catalogsync.sources.xzufi.XzufiRecordSource;

/**
 * The XZuFi reader alone: {@link XzufiRecordSource} parses each XZuFi export and {@link Normaliser} maps every record
 * to the shared standard, as the import step does, but nothing is written. First a warm-up of about two seconds
 * (the JIT compiles the hot paths; 100,000 rows, half a second, left the first timed file at two thirds of the
 * steady speed), then every XZuFi file of the dataset is timed.
 */
final class XzufiReaderTiming {

    static final long WARM_UP_ROWS = 100_000;
    static final long WARM_UP_NANOS = 2_000_000_000L;

    private XzufiReaderTiming() {
    }

    static SourceProperties source(BenchDataset.StateFile file) {
        Map<String, String> maturity = new java.util.LinkedHashMap<>();
        for (int l = 0; l <= 4; l++) {
            maturity.put("[Stufe " + l + "]", Integer.toString(l));
        }
        maturity.put("[vollständig online]", "4");
        return new SourceProperties(file.land().name(), SourceFormat.XZUFI, file.file(), file.encoding(), ";", "\"",
                "yyyy-MM-dd", "1.1", Map.of(), Map.of("reifegrad", maturity));
    }

    static boolean applies(List<BenchDataset.StateFile> files) {
        return !xzufi(files).isEmpty();
    }

    private static List<BenchDataset.StateFile> xzufi(List<BenchDataset.StateFile> files) {
        return files.stream().filter(f -> f.shape() == BenchDataset.Shape.XZUFI).toList();
    }

    static Timing run(List<BenchDataset.StateFile> files) {
        List<BenchDataset.StateFile> xml = xzufi(files);
        if (xml.isEmpty()) {
            throw new IllegalStateException("the dataset has no XZuFi export");
        }
        long until = System.nanoTime() + WARM_UP_NANOS;
        do {
            read(xml.get(0), WARM_UP_ROWS);
        } while (System.nanoTime() < until);
        long start = System.nanoTime();
        long rows = 0;
        long offerings = 0;
        for (BenchDataset.StateFile f : xml) {
            long[] counts = read(f, Long.MAX_VALUE);
            rows += counts[0];
            offerings += counts[1];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (offerings == 0) {
            throw new IllegalStateException("the XZuFi reader mapped no offering");
        }
        return new Timing(rows, seconds);
    }

    private static long[] read(BenchDataset.StateFile file, long limit) {
        SourceProperties source = source(file);
        Normaliser normaliser = new Normaliser(source);
        long rows = 0;
        long offerings = 0;
        try (XzufiRecordSource records = new XzufiRecordSource(source, file.file())) {
            SourceRecord r;
            while (rows < limit && (r = records.next()) != null) {
                NormalisationResult result = normaliser.normalise(r);
                rows++;
                if (result instanceof Offering) {
                    offerings++;
                }
            }
        }
        return new long[] {rows, offerings};
    }
}
