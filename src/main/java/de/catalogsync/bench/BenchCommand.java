package de.catalogsync.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

import de.catalogsync.reference.LeikaReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code catalog-sync bench}: generates a national-scale dataset, runs the real sync on it in a child JVM and two
 * comparators on the same files, and prints one table.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Generates a deterministic dataset of K states x N rows (CSV and XZuFi, with the quoting, "
                + "encodings and dirt of real exports), runs the full sync on it in a child JVM and prints per stage "
                + "the rows, seconds and rows/s, the whole run's rows/s and the peak heap, beside two comparators on "
                + "the same files: the floor (bare parse + JDBC batches) and a typical Spring Batch job.",
                "Progress goes to standard error, the table to standard output."})
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--states", paramLabel = "K", defaultValue = "3", description = "States, 1 to 16 (default: ${DEFAULT-VALUE}).")
    int states;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "100000", description = "Rows per state (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "target/bench",
            description = "Work folder for the dataset, databases, logs and output (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--seed", defaultValue = "" + BenchDataset.DEFAULT_SEED, description = "Dataset seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", paramLabel = "F", defaultValue = "1",
            description = "Also sync F x N rows per state and print the time ratio (linear cost); 1 = off (default).")
    int scale;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "1",
            description = "Repeat every measurement R times, in turns, and print medians with the spread (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--xmx", defaultValue = "512m", description = "Heap limit of the sync's JVM (default: ${DEFAULT-VALUE}).")
    String xmx;

    @Option(names = "--import-threads", paramLabel = "T",
            description = "catalog.import-threads for the sync (default: the application's default).")
    Integer importThreads;

    @Option(names = "--comparators", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the floor, the typical Spring Batch job and the XZuFi reader; --no-comparators skips them (default: on).")
    boolean comparators;

    @Option(names = "--postgres", paramLabel = "URL",
            description = "Run the sync and the floor and typical jobs on PostgreSQL instead of H2, each in a schema of "
                    + "its own in the database at this JDBC URL, such as jdbc:postgresql://127.0.0.1:5432/test "
                    + "(password from PGPASSWORD). Default: an H2 file database each, in --dir.")
    String postgres;

    @Option(names = "--postgres-user", defaultValue = "postgres", description = "User for --postgres (default: ${DEFAULT-VALUE}).")
    String postgresUser;

    @Option(names = "--schema-prefix", defaultValue = "catalog_sync_bench",
            description = "With --postgres: the schemas are PREFIX_sync, PREFIX_floor and PREFIX_typical, dropped and "
                    + "made again for each measurement and dropped after it (default: ${DEFAULT-VALUE}).")
    String schemaPrefix;

    /** Set by the bench for its own child JVMs: time only this comparator on the dataset and print the result. */
    @Option(names = "--comparator", hidden = true)
    ComparatorChild.Kind comparator;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || scale < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--runs and --scale must be at least 1");
        }
        BenchDatabase db;
        try {
            db = database(dir);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        quietLogging();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<LeikaReference.Entry> reference = new LeikaReference().load();

        long t = System.nanoTime();
        err.printf("generating %d states x %,d rows in %s ...%n", states, rows, dir.toAbsolutePath());
        err.flush();
        BenchDataset.Dataset dataset = new BenchDataset(dir, states, rows, seed, importThreads, reference).generate(2, db);
        err.printf("dataset ready: %,d rows, %,.1f MB (%.1f s)%n", dataset.rows(), dataset.bytes() / 1e6,
                (System.nanoTime() - t) / 1e9);
        if (comparator != null) {
            out.println(ComparatorChild.report(comparator.run(dataset)));
            out.flush();
            return 0;
        }

        List<SyncChild.Result> syncs = new ArrayList<>();
        List<Timing> floors = new ArrayList<>();
        List<Timing> typicals = new ArrayList<>();
        List<Timing> readers = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            String round = runs > 1 ? " (run " + run + " of " + runs + ")" : "";
            err.println("sync in a child JVM" + round + " ...");
            err.flush();
            SyncChild.Result sync = SyncChild.run(dataset, dir.resolve("sync"), xmx);
            syncs.add(sync);
            err.printf("  %.1f s, exit %d%n", sync.wallSeconds(), sync.exitCode());
            if (comparators) {
                err.println("floor" + round + " ...");
                err.flush();
                floors.add(ComparatorChild.run(ComparatorChild.Kind.FLOOR, this, xmx));
                err.println("typical Spring Batch job" + round + " ...");
                err.flush();
                typicals.add(ComparatorChild.run(ComparatorChild.Kind.TYPICAL, this, xmx));
                if (XzufiReaderTiming.applies(dataset.files())) {
                    err.println("XZuFi reader" + round + " ...");
                    err.flush();
                    readers.add(ComparatorChild.run(ComparatorChild.Kind.XZUFI_READER, this, xmx));
                }
            }
        }

        List<SyncChild.Result> scaled = new ArrayList<>();
        BenchDataset.Dataset big = null;
        if (scale > 1) {
            Path bigDir = dir.resolve("x" + scale);
            err.printf("generating %d states x %,d rows in %s ...%n", states, rows * scale, bigDir.toAbsolutePath());
            err.flush();
            big = new BenchDataset(bigDir, states, rows * scale, seed, importThreads, reference)
                    .generate(2, database(bigDir));
            for (int run = 1; run <= runs; run++) {
                err.println("sync at " + scale + "x" + (runs > 1 ? " (run " + run + " of " + runs + ")" : "") + " ...");
                err.flush();
                SyncChild.Result r = SyncChild.run(big, bigDir.resolve("sync"), xmx);
                err.printf("  %.1f s, exit %d%n", r.wallSeconds(), r.exitCode());
                scaled.add(r);
            }
        }

        print(out, dataset, syncs, floors, typicals, readers, big, scaled);
        return 0;
    }

    /** Where the measurements in work folder {@code folder} keep their rows. */
    private BenchDatabase database(Path folder) {
        return postgres == null ? new BenchDatabase.H2(folder.toAbsolutePath())
                : new BenchDatabase.Postgres(postgres, schemaPrefix, postgresUser,
                        Objects.requireNonNullElse(System.getenv("PGPASSWORD"), ""));
    }

    /** The comparators run in this JVM without Spring Boot's logging set-up: keep Hikari's and Spring Batch's INFO out. */
    private static void quietLogging() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    private void print(PrintWriter out, BenchDataset.Dataset dataset, List<SyncChild.Result> syncs, List<Timing> floors,
                       List<Timing> typicals, List<Timing> readers, BenchDataset.Dataset big,
                       List<SyncChild.Result> scaled) {
        long xml = dataset.files().stream().filter(f -> f.shape() == BenchDataset.Shape.XZUFI).count();
        SyncChild.Result first = syncs.get(0);
        out.printf(Locale.ROOT, "catalog-sync bench: %d states x %,d rows = %,d rows (%d CSV, %d XZuFi; %,.1f MB), seed %d%n",
                states, rows, dataset.rows(), dataset.files().size() - xml, xml, dataset.bytes() / 1e6, seed);
        out.printf(Locale.ROOT, "sync in a child JVM (-Xmx%s, import threads: %s), %s; %s%n", xmx,
                importThreads == null ? "default" : importThreads.toString(), describe(dataset.db()),
                runs == 1 ? "one run" : "median of " + runs + " runs, [min-max] beside");
        out.println();
        String spread = runs > 1 ? "  [min-max s]" : "";
        out.printf(Locale.ROOT, "%-34s %12s %9s %11s%s%n", "stage", "rows", "seconds", "rows/s", spread);
        row(out, "import (parse, normalise, stage)", first.rowsRead(), syncs, SyncChild.Result::importSeconds);
        row(out, "merge", first.offerings(), syncs, r -> r.step("merge").seconds());
        row(out, "publish (XML, CSV, JSON, rejects)", first.offerings(), syncs, r -> r.step("publish").seconds());
        row(out, "whole run, process start to exit", first.rowsRead(), syncs, SyncChild.Result::wallSeconds);
        row(out, "  of which JVM and Spring start-up", -1, syncs,
                r -> (r.jobStart().toEpochMilli() - r.started().toEpochMilli()) / 1000.0);
        row(out, "  of which between the stages", -1, syncs, r -> {
            double stages = r.importSeconds() + r.step("merge").seconds() + r.step("publish").seconds();
            return (r.jobEnd().toEpochMilli() - r.jobStart().toEpochMilli()) / 1000.0 - stages;
        });
        row(out, "  of which shut-down", -1, syncs,
                r -> (r.ended().toEpochMilli() - r.jobEnd().toEpochMilli()) / 1000.0);
        row(out, "  of which GC pauses", -1, syncs, r -> r.heap().pauseSeconds());
        // compile time is another thread's, not part of the wall time above: at small scales it takes a core
        row(out, "  beside it, C2 compiler busy", -1, syncs, r -> r.compilers().c2Seconds());
        row(out, "  beside it, C1 compiler busy", -1, syncs, r -> r.compilers().c1Seconds());
        SyncChild.Heap heap = first.heap();
        double usedMb = median(syncs, r -> r.heap().peakUsedBytes() / 1048576.0);
        double afterMb = median(syncs, r -> r.heap().peakAfterBytes() / 1048576.0);
        out.printf(Locale.ROOT, "%-34s %,.0f MB in use before a GC, %,.0f MB after a GC (max); %d GCs, -Xmx%s%n",
                "peak heap", usedMb, afterMb, heap.collections(), xmx);
        out.printf(Locale.ROOT, "%-34s database %,.0f MB, published files %,.0f MB (deleted after the run)%n",
                "disk", first.databaseBytes() / 1e6, first.outputBytes() / 1e6);
        out.println();

        double importRate = first.rowsRead() / median(syncs, SyncChild.Result::importSeconds);
        double wholeRate = first.rowsRead() / median(syncs, SyncChild.Result::wallSeconds);
        if (!floors.isEmpty()) {
            out.printf(Locale.ROOT, "%-60s %12s %9s %11s%s%n", "comparator, same files (each in a child JVM, -Xmx" + xmx
                    + ")", "rows", "seconds", "rows/s", spread);
            timing(out, "floor: opencsv RFC 4180 / StAX -> plain JDBC batches", floors);
            timing(out, "typical Spring Batch: FlatFileItemReader / StAX -> JdbcBatchItemWriter, chunk 1000", typicals);
            if (!readers.isEmpty()) {
                timing(out, "XZuFi reader alone, median of warm passes: no DB", readers);
            }
            out.println();
            double floorRate = medianRate(floors);
            double typicalRate = medianRate(typicals);
            out.printf(Locale.ROOT, "%-60s %12s %12s%n", "ratio", "measured", "target");
            ratio(out, "import rows/s / floor rows/s", importRate / floorRate, ">= 0.80", importRate / floorRate >= 0.8);
            ratio(out, "import rows/s / typical Spring Batch rows/s", importRate / typicalRate, ">= 1.40",
                    importRate / typicalRate >= 1.4);
            ratio(out, "whole sync rows/s / floor rows/s", wholeRate / floorRate, ">= 0.40", wholeRate / floorRate >= 0.4);
            if (!readers.isEmpty()) {
                double readerRate = medianRate(readers);
                out.printf(Locale.ROOT, "%-60s %,12.0f %12s  %s%n", "XZuFi reader rows/s", readerRate, ">= 300,000",
                        readerRate >= 300_000 ? "holds" : "MISSED");
            }
        }
        if (big != null) {
            double small = median(syncs, SyncChild.Result::wallSeconds);
            double large = median(scaled, SyncChild.Result::wallSeconds);
            double smallStages = median(syncs, BenchCommand::stageSeconds);
            double largeStages = median(scaled, BenchCommand::stageSeconds);
            out.println();
            out.printf(Locale.ROOT, "linear cost, %dx the rows: whole run %.1f s at %,d rows, %.1f s at %,d rows%n", scale,
                    small, dataset.rows(), large, big.rows());
            double limit = 1.1 * scale;
            ratio(out, "time at " + scale + "x / time at 1x, whole run", large / small,
                    String.format(Locale.ROOT, "<= %.1f", limit), large / small <= limit);
            ratio(out, "time at " + scale + "x / time at 1x, stages only", largeStages / smallStages,
                    String.format(Locale.ROOT, "<= %.1f", limit), largeStages / smallStages <= limit);
            out.printf(Locale.ROOT, "%-34s %,.0f MB in use before a GC, %,.0f MB after a GC (max) at %dx the rows%n",
                    "peak heap", median(scaled, r -> r.heap().peakUsedBytes() / 1048576.0),
                    median(scaled, r -> r.heap().peakAfterBytes() / 1048576.0), scale);
        }
        out.flush();
    }

    private static String describe(BenchDatabase db) {
        try {
            return db.describe();
        } catch (SQLException e) {
            return "database " + db.url(BenchDatabase.SYNC); // it answered for every measurement; only the header misses
        }
    }

    static double stageSeconds(SyncChild.Result r) {
        return r.importSeconds() + r.step("merge").seconds() + r.step("publish").seconds();
    }

    private void row(PrintWriter out, String label, long rowCount, List<SyncChild.Result> results,
                     ToDoubleFunction<SyncChild.Result> seconds) {
        double s = median(results, seconds);
        String rowsText = rowCount < 0 ? "" : String.format(Locale.ROOT, "%,d", rowCount);
        String rate = rowCount < 0 ? "" : String.format(Locale.ROOT, "%,.0f", rowCount / s);
        out.printf(Locale.ROOT, "%-34s %12s %9.2f %11s%s%n", label, rowsText, s, rate, range(results, seconds));
    }

    private void timing(PrintWriter out, String label, List<Timing> timings) {
        double s = median(timings, Timing::seconds);
        long n = timings.get(0).rows();
        out.printf(Locale.ROOT, "%-60s %,12d %9.2f %,11.0f%s%n", label, n, s, n / s, range(timings, Timing::seconds));
    }

    private static void ratio(PrintWriter out, String label, double value, String target, boolean holds) {
        out.printf(Locale.ROOT, "%-60s %12.2f %12s  %s%n", label, value, target, holds ? "holds" : "MISSED");
    }

    private <T> String range(List<T> items, ToDoubleFunction<T> f) {
        if (items.size() < 2) {
            return "";
        }
        double[] v = items.stream().mapToDouble(f).sorted().toArray();
        return String.format(Locale.ROOT, "  [%.2f-%.2f]", v[0], v[v.length - 1]);
    }

    static <T> double median(List<T> items, ToDoubleFunction<T> f) {
        double[] v = items.stream().mapToDouble(f).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static double medianRate(List<Timing> timings) {
        return timings.get(0).rows() / median(timings, Timing::seconds);
    }
}
