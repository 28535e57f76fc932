package de.catalogsync.bench;

import java.util.ArrayList;
import java.util.Comparator;
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
 * to the shared standard, as the import step does, but nothing is written. Its steady speed, as a harness such as
 * JMH measures one: first warm passes over every XZuFi file of the dataset (at least one, and at least two seconds),
 * then timed passes over all of them (at least three, and at least five seconds); the median pass is the result.
 * <p>
 * A warm-up of two seconds on the first file alone was not enough: in one JVM, 16 x 100,000 rows, the first pass
 * after it read 338,520 rows/s and the next five 398,084-420,498 rows/s, as the JIT was still compiling the paths
 * the other files take. One timed pass of 1.5 s was also at the mercy of a noisy machine.
 */
final class XzufiReaderTiming {

    static final long WARM_UP_NANOS = 2_000_000_000L;
    static final int MIN_PASSES = 3;
    static final long MIN_TIMED_NANOS = 5_000_000_000L;

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
        return run(files, WARM_UP_NANOS, MIN_PASSES, MIN_TIMED_NANOS);
    }

    static Timing run(List<BenchDataset.StateFile> files, long warmUpNanos, int minPasses, long minTimedNanos) {
        List<BenchDataset.StateFile> xml = xzufi(files);
        if (xml.isEmpty()) {
            throw new IllegalStateException("the dataset has no XZuFi export");
        }
        long warmUntil = System.nanoTime() + warmUpNanos;
        do {
            pass(xml);
        } while (System.nanoTime() < warmUntil);
        List<Timing> passes = new ArrayList<>();
        long timedFrom = System.nanoTime();
        do {
            passes.add(pass(xml));
        } while (passes.size() < minPasses || System.nanoTime() - timedFrom < minTimedNanos);
        return median(passes);
    }

    /** Every XZuFi file read once. */
    private static Timing pass(List<BenchDataset.StateFile> xml) {
        long start = System.nanoTime();
        long rows = 0;
        long offerings = 0;
        for (BenchDataset.StateFile f : xml) {
            long[] counts = read(f);
            rows += counts[0];
            offerings += counts[1];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (offerings == 0) {
            throw new IllegalStateException("the XZuFi reader mapped no offering");
        }
        return new Timing(rows, seconds);
    }

    /** The pass of median time (of the two middle ones, the slower): every pass reads the same rows. */
    static Timing median(List<Timing> passes) {
        List<Timing> sorted = new ArrayList<>(passes);
        sorted.sort(Comparator.comparingDouble(Timing::seconds));
        return sorted.get(sorted.size() / 2);
    }

    private static long[] read(BenchDataset.StateFile file) {
        SourceProperties source = source(file);
        Normaliser normaliser = new Normaliser(source);
        long rows = 0;
        long offerings = 0;
        try (XzufiRecordSource records = new XzufiRecordSource(source, file.file())) {
            SourceRecord r;
            while ((r = records.next()) != null) {
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
