package de.catalogsync.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code sync} on a dataset in a child JVM, as a user or a scheduler would start it, and reads back what it
 * did: the wall time from process start to exit, the heap and the pauses from the child's GC log ({@code -Xlog:gc}),
 * the JIT compilers' time from what HotSpot prints at exit ({@code -XX:+CITime}), and each step's start and end from
 * the Spring Batch job repository ({@code BATCH_STEP_EXECUTION}) in the run's database.
 */
final class SyncChild {

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern GC_PAUSE = Pattern.compile(" Pause .* (\\d+(?:\\.\\d+)?)ms$");
    private static final Pattern COMPILE_TIME = Pattern.compile("^\\s*(C1|C2) Compile Time:\\s+(\\d+(?:\\.\\d+)?) s");

    /**
     * What the child's GC log shows.
     *
     * @param peakUsedBytes  the most heap in use, at the start of any collection (live data plus garbage)
     * @param peakAfterBytes the most heap still in use after a collection (live data, plus old garbage not yet due)
     * @param peakCommitted  the largest heap the JVM had reserved
     * @param pauseSeconds   how long the collections stopped the application, in all
     */
    record Heap(long peakUsedBytes, long peakAfterBytes, long peakCommitted, int collections, double pauseSeconds) {
    }

    /**
     * How long HotSpot's JIT compiler threads were compiling over the whole run, NaN where the JVM printed no times.
     * They run beside the application's threads: on two cores, C2 busy for most of a run leaves the work about one.
     */
    record Compilers(double c1Seconds, double c2Seconds) {
    }

    record StepTime(String name, Instant start, Instant end, long read, long written, String status) {

        double seconds() {
            return (end.toEpochMilli() - start.toEpochMilli()) / 1000.0;
        }
    }

    /**
     * @param databaseBytes the database folder's size when the sync ended
     * @param outputBytes   the published files' size
     */
    record Result(int exitCode, Instant started, Instant ended, double wallSeconds, Heap heap, List<StepTime> steps,
                  Instant jobStart, Instant jobEnd, long rowsRead, long offerings, Path log, long databaseBytes,
                  long outputBytes, Compilers compilers) {

        /** The import steps and the loads of their sorted rows: together, the import stage. */
        List<StepTime> imports() {
            return steps.stream().filter(s -> s.name().startsWith("import-") || s.name().startsWith("load-")).toList();
        }

        StepTime step(String name) {
            return steps.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the run has no step " + name));
        }

        /** The import stage: from the first state's start to the last state's end (states may overlap). */
        double importSeconds() {
            Instant first = imports().stream().map(StepTime::start).min(Instant::compareTo).orElseThrow();
            Instant last = imports().stream().map(StepTime::end).max(Instant::compareTo).orElseThrow();
            return (last.toEpochMilli() - first.toEpochMilli()) / 1000.0;
        }
    }

    private SyncChild() {
    }

    /** The command that starts this application in a new JVM: the fat jar's launcher, or the class path's main. */
    static List<String> javaCommand(List<String> jvmOptions) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
        cmd.add("-cp");
        cmd.add(classPath);
        String main = "de.catalogsync.CatalogSyncApplication";
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            try (JarFile jar = new JarFile(classPath)) {
                String launcher = jar.getManifest().getMainAttributes().getValue("Main-Class");
                if (launcher != null) {
                    main = launcher;
                }
            }
        }
        cmd.add(main);
        return cmd;
    }

    static Result run(BenchDataset.Dataset dataset, Path workDir, String xmx) throws Exception {
        BenchDatabase db = dataset.db();
        db.reset(BenchDatabase.SYNC);
        BenchFiles.deleteTree(dataset.outputDir());
        Files.createDirectories(workDir);
        Path gcLog = workDir.resolve("sync-gc.log");
        Path log = workDir.resolve("sync.log");
        Files.deleteIfExists(gcLog);
        // CITime only adds up the compile times and prints them at exit
        List<String> cmd = javaCommand(List.of("-Xmx" + xmx, "-Xlog:gc:file=" + gcLog.toAbsolutePath(), "-XX:+CITime"));
        cmd.addAll(List.of("sync", "--config-dir", dataset.configDir().toString(),
                "--output-dir", dataset.outputDir().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Process p = pb.start();
        int exit = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        Instant ended = Instant.now();
        if (exit != 0 && exit != 3) {
            throw new IllegalStateException("the sync ended with exit code " + exit + "; its output is in " + log
                    + ":\n" + tail(log, 30));
        }
        Heap heap = heap(gcLog);
        Result result;
        try (Connection c = db.connect(BenchDatabase.SYNC)) {
            long execution;
            Instant jobStart;
            Instant jobEnd;
            try (PreparedStatement ps = c.prepareStatement("""
                    select JOB_EXECUTION_ID, START_TIME, END_TIME from BATCH_JOB_EXECUTION
                    order by JOB_EXECUTION_ID desc limit 1""");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the sync left no job execution in " + dataset.jdbcUrl());
                }
                execution = rs.getLong(1);
                jobStart = instant(rs.getTimestamp(2));
                jobEnd = instant(rs.getTimestamp(3));
            }
            List<StepTime> steps = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select STEP_NAME, START_TIME, END_TIME, READ_COUNT, WRITE_COUNT, STATUS from BATCH_STEP_EXECUTION
                    where JOB_EXECUTION_ID = ? order by STEP_EXECUTION_ID""")) {
                ps.setLong(1, execution);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        steps.add(new StepTime(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
                                rs.getLong(4), rs.getLong(5), rs.getString(6)));
                    }
                }
            }
            long offerings;
            try (PreparedStatement ps = c.prepareStatement("""
                    select coalesce(sum(b.row_count), 0) from imported_block b join state_catalogue s
                    on s.state = b.state and s.last_good_instance_id = b.job_instance_id""");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                offerings = rs.getLong(1);
            }
            long read = steps.stream().filter(s -> s.name().startsWith("import-")).mapToLong(StepTime::read).sum();
            result = new Result(exit, started, ended, wall, heap, steps, jobStart, jobEnd, read, offerings, log,
                    db.bytes(BenchDatabase.SYNC),
                    BenchFiles.size(dataset.outputDir()), compilers(log));
        }
        // what a big run leaves (database and output, tens of GB at millions of rows) must not crowd the next one
        db.remove(BenchDatabase.SYNC);
        BenchFiles.deleteTree(dataset.outputDir());
        return result;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().atZone(ZoneId.systemDefault()).toInstant();
    }

    static Heap heap(Path gcLog) throws IOException {
        long used = 0;
        long after = 0;
        long committed = 0;
        int collections = 0;
        double pauseMillis = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
                Matcher m = GC_LINE.matcher(line);
                if (m.find()) {
                    collections++;
                    used = Math.max(used, bytes(m.group(1), m.group(2)));
                    after = Math.max(after, bytes(m.group(3), m.group(4)));
                    committed = Math.max(committed, bytes(m.group(5), m.group(6)));
                }
                Matcher pause = GC_PAUSE.matcher(line);
                if (pause.find()) {
                    pauseMillis += Double.parseDouble(pause.group(1));
                }
            }
        }
        return new Heap(used, after, committed, collections, pauseMillis / 1000);
    }

    /** The C1 and C2 compile times HotSpot printed at exit ({@code -XX:+CITime}) into the child's output. */
    static Compilers compilers(Path log) throws IOException {
        double c1 = Double.NaN;
        double c2 = Double.NaN;
        // Latin-1 reads any bytes: the log is the child's console output, whatever its encoding
        for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
            Matcher m = COMPILE_TIME.matcher(line);
            if (m.find()) {
                double seconds = Double.parseDouble(m.group(2));
                if (m.group(1).equals("C1")) {
                    c1 = seconds;
                } else {
                    c2 = seconds;
                }
            }
        }
        return new Compilers(c1, c2);
    }

    private static long bytes(String n, String unit) {
        long v = Long.parseLong(n);
        return switch (unit) {
            case "K" -> v << 10;
            case "M" -> v << 20;
            default -> v << 30;
        };
    }

    private static String tail(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
