package de.catalogsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a comparator in a JVM of its own, started as the sync's is (same heap limit, nothing compiled yet), so that
 * both sides of a ratio pay the same start-up of the JIT and work under the same heap. In the bench's own JVM a
 * comparator had a quarter of the machine's memory as heap and code the floor had already compiled. The XZuFi
 * reader runs in its own JVM too: in the bench's JVM, after the dataset generator, it read about a third slower
 * than alone (166,644 against 253,293 rows/s, 16 x 100,000 rows, the same hour).
 */
final class ComparatorChild {

    private static final String RESULT = "comparator-result";

    enum Kind {
        FLOOR, TYPICAL, XZUFI_READER;

        /** Times this comparator on the dataset, in this JVM, in a fresh database of the dataset's kind. */
        Timing run(BenchDataset.Dataset dataset) throws Exception {
            BenchDatabase db = dataset.db();
            return switch (this) {
                case FLOOR -> inFreshDatabase(db, "floor", name -> FloorLoad.run(dataset.files(), db, name));
                case TYPICAL -> inFreshDatabase(db, "typical", name -> TypicalSpringBatchLoad.run(dataset.files(), db, name));
                case XZUFI_READER -> XzufiReaderTiming.run(dataset.files()); // no database
            };
        }

        private static Timing inFreshDatabase(BenchDatabase db, String name, Load load) throws Exception {
            db.reset(name);
            try {
                return load.run(name);
            } finally {
                db.remove(name);
            }
        }
    }

    private interface Load {
        Timing run(String database) throws Exception;
    }

    private ComparatorChild() {
    }

    static String report(Timing timing) {
        return String.format(Locale.ROOT, "%s %d %.3f", RESULT, timing.rows(), timing.seconds());
    }

    /** Starts {@code bench --comparator} on the bench's dataset in a child JVM and reads back its timing. */
    static Timing run(Kind kind, BenchCommand bench, String xmx) throws Exception {
        Path log = bench.dir.resolve(kind.name().toLowerCase(Locale.ROOT) + ".log");
        List<String> cmd = new ArrayList<>(SyncChild.javaCommand(List.of("-Xmx" + xmx)));
        cmd.addAll(List.of("bench", "--states", Integer.toString(bench.states), "--rows", Long.toString(bench.rows),
                "--seed", Long.toString(bench.seed), "--dir", bench.dir.toString(), "--comparator", kind.name()));
        if (bench.postgres != null) {
            cmd.addAll(List.of("--postgres", bench.postgres, "--schema-prefix", bench.schemaPrefix,
                    "--postgres-user", bench.postgresUser));
        }
        if (bench.importThreads != null) {
            cmd.addAll(List.of("--import-threads", bench.importThreads.toString())); // the same configuration file
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        List<String> lines = Files.readAllLines(log);
        for (String line : lines) {
            if (line.startsWith(RESULT + " ")) {
                String[] f = line.split(" ");
                return new Timing(Long.parseLong(f[1]), Double.parseDouble(f[2]));
            }
        }
        throw new IOException("the " + kind.name().toLowerCase(Locale.ROOT) + " comparator ended with exit code " + exit
                + " and no result; its output is in " + log + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
    }
}
