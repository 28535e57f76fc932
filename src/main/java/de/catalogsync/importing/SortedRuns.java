package de.catalogsync.importing;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.zip.CRC32C;

import de.catalogsync.normalise.Land;
import de.catalogsync.normalise.Offering;
import de.catalogsync.publish.AtomicFile;

/**
 * One state's import, spilled to disk as sorted runs: every chunk's offerings, sorted by (identity, area, row), in
 * a file of their own, written before the chunk commits. The load reads all runs merged into one sorted stream and
 * inserts it in that order, so the database appends to its indexes instead of touching pages all over them for
 * every row of an export that is not in key order.
 * <p>
 * The files belong to one database (they are named by job instance): a run folder shared by two databases must not
 * be used. A run is named by the number of its chunk's first record, so a chunk that is read again after a restart
 * replaces its run instead of adding a second one.
 */
public final class SortedRuns {

    /** The order of the load, and of the index the merge and the publish read: key, area, then the file's order. */
    public static final Comparator<Offering> ORDER = (a, b) -> {
        int c = Offering.compareKeys(a.leistungsschluessel(), a.sourceId(), a.gebietId(), b.leistungsschluessel(),
                b.sourceId(), b.gebietId());
        return c != 0 ? c : Long.compare(a.provenance().seq(), b.provenance().seq());
    };

    private static final String SUFFIX = ".run";
    // 3: rows in OfferingCodec's form, provenance in one piece; 4: a CRC32C of the rows behind them
    private static final int FORMAT = 4;

    private final Path dir;
    private final Land land;

    public SortedRuns(Path root, long instanceId, Land land) {
        this.dir = root.resolve(Long.toString(instanceId)).resolve(land.name());
        this.land = land;
    }

    public Path dir() {
        return dir;
    }

    public boolean exist() {
        return Files.isDirectory(dir);
    }

    /**
     * Sorts {@code offerings} and writes them as the run of the chunk whose first record is {@code firstRecord}, as an
     * {@link AtomicFile}: a run that exists is whole before the chunk that counts it commits. It is not forced to
     * disk: a process that dies leaves it in the page cache for the restart, and only a crash of the machine can tear
     * it, which its checksum then shows (the load fails, naming the file; a new run reads the export again). Forcing
     * every run cost a second per million rows on its own, and wrote to disk what the load mostly deletes before
     * the kernel would have written it.
     */
    public void write(long firstRecord, List<Offering> offerings) {
        write(firstRecord, offerings, new OfferingCodec());
    }

    /**
     * As {@link #write(long, List)}, encoding with {@code codec}: an import reuses one for all its chunks. A chunk's
     * rows take some megabytes, and a new buffer grown to that size for every chunk was most of the import's large
     * allocations, each of which starts a concurrent GC cycle under a small heap.
     * <p>
     * The rows are encoded in the chunk's order and sorted as bytes ({@link OfferingCodec#compareRows}): visiting a
     * chunk's objects in key order, scattered over the heap, waited on memory at every field.
     */
    public void write(long firstRecord, List<Offering> offerings, OfferingCodec codec) {
        codec.reset();
        Integer[] rows = new Integer[offerings.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = codec.length();
            codec.write(offerings.get(i));
        }
        byte[] encoded = codec.buffer();
        Arrays.sort(rows, (x, y) -> OfferingCodec.compareRows(encoded, x + 4, encoded, y + 4));
        Path target = dir.resolve(String.format(Locale.ROOT, "%019d%s", firstRecord, SUFFIX));
        try (AtomicFile file = new AtomicFile(target)) { // its temporary name does not end in .run
            DataOutputStream out = new DataOutputStream(file.stream()); // buffered
            out.writeInt(FORMAT);
            out.writeInt(rows.length);
            CRC32C crc = new CRC32C();
            for (int at : rows) {
                int length = 4 + OfferingCodec.rowLength(encoded, at);
                out.write(encoded, at, length);
                crc.update(encoded, at, length);
            }
            out.writeInt((int) crc.getValue());
            out.flush();
            file.commitUnforced();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sorted run " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes every run of this import, and the folder. The folder is first renamed in one step, so that a crash
     * in the middle never leaves a partial set of runs where a restarted load would take it for the whole import.
     */
    public void delete() {
        Path doomed = dir.resolveSibling(dir.getFileName() + ".deleted");
        try {
            if (Files.isDirectory(dir)) {
                deleteTree(doomed); // left by a crash during an earlier delete
                try {
                    Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(dir, doomed);
                }
            }
            deleteTree(doomed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the sorted runs in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(folder);
    }

    /** The job instances that have a folder of sorted runs under {@code root}. */
    public static List<Long> instances(Path root) {
        List<Long> ids = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return ids;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
                    ids.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sorted runs in " + root + ": " + e.getMessage(), e);
        }
        ids.sort(null);
        return ids;
    }

    /** Deletes every sorted run of a job instance, whatever state they belong to, and its folder. */
    public static void deleteAll(Path root, long instanceId) {
        Path instanceDir = root.resolve(Long.toString(instanceId));
        if (!Files.isDirectory(instanceDir)) {
            return;
        }
        try (DirectoryStream<Path> states = Files.newDirectoryStream(instanceDir)) {
            for (Path state : states) {
                deleteTree(state);
            }
            Files.deleteIfExists(instanceDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the sorted runs in " + instanceDir + ": " + e.getMessage(), e);
        }
    }

    /** All runs of this import merged into one stream in {@link #ORDER}; the caller closes it. */
    public Merged merged() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            runs.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sorted runs in " + dir + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.naturalOrder());
        return new Merged(files, land);
    }

    /**
     * A row of a sorted run as the load needs it: the fields that order, count and name it decoded, the rest as the
     * bytes it is stored in, so that the load can store it in a block without decoding and encoding it again.
     */
    public static final class Row {

        /** {@link SortedRuns#ORDER} on rows. */
        static final Comparator<Row> ORDER = (x, y) -> OfferingCodec.compareRows(x.bytes, 0, y.bytes, 0);

        private final OfferingCodec.Head head;
        private final byte[] bytes;
        private final Land land;

        Row(OfferingCodec.Head head, byte[] bytes, Land land) {
            this.head = head;
            this.bytes = bytes;
            this.land = land;
        }

        public OfferingCodec.Head head() {
            return head;
        }

        /** The row's fields as {@link OfferingCodec} wrote them, without their length. */
        public byte[] bytes() {
            return bytes;
        }

        /** The whole offering, decoded. */
        public Offering offering() {
            return new OfferingCodec.Decoder(land).read(bytes, 0);
        }
    }

    /** A k-way merge of sorted runs; one row of each run is in memory at a time. */
    public static final class Merged implements AutoCloseable {

        private final PriorityQueue<Run> queue = new PriorityQueue<>(Comparator.comparing(Run::head, Row.ORDER));
        private final List<Run> open = new ArrayList<>();

        private Merged(List<Path> files, Land land) {
            try {
                for (Path f : files) {
                    Run run = new Run(f, land);
                    open.add(run);
                    if (run.advance()) {
                        queue.add(run);
                    }
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        /** The next row in order, or null after the last. */
        public Row next() {
            Run run = queue.poll();
            if (run == null) {
                return null;
            }
            Row head = run.head();
            if (run.advance()) {
                queue.add(run);
            }
            return head;
        }

        @Override
        public void close() {
            for (Run run : open) {
                run.close();
            }
        }
    }

    private static final class Run {

        private final Path file;
        private final DataInputStream in;
        private final OfferingCodec.Decoder decoder;
        private final Land land;
        private final CRC32C crc = new CRC32C();
        private int left;
        private long remaining;
        private Row head;

        Run(Path file, Land land) {
            this.file = file;
            this.land = land;
            this.decoder = new OfferingCodec.Decoder(land);
            try {
                this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 15));
                int format = in.readInt();
                if (format != FORMAT) {
                    in.close();
                    throw new IllegalStateException("the sorted run " + file + " has format " + format
                            + ", this version reads " + FORMAT);
                }
                left = in.readInt();
                remaining = Files.size(file) - 8;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sorted run " + file + ": " + e.getMessage(), e);
            }
        }

        Row head() {
            return head;
        }

        boolean advance() {
            if (left == 0) {
                head = null;
                return false;
            }
            try {
                int length = in.readInt();
                remaining -= 4;
                if (length < 0 || length > remaining) {
                    throw damaged("it ends early: " + left + " rows are missing, the next one would take " + length
                            + " bytes, " + remaining + " are left");
                }
                byte[] row = new byte[length];
                in.readFully(row);
                remaining -= length;
                crc.update(length >>> 24);
                crc.update(length >>> 16);
                crc.update(length >>> 8);
                crc.update(length);
                crc.update(row);
                if (--left == 0 && in.readInt() != (int) crc.getValue()) {
                    throw damaged("its checksum does not match its rows");
                }
                head = new Row(decoder.readHead(row, 0), row, land);
                return true;
            } catch (EOFException e) {
                throw new IllegalStateException("the sorted run " + file + " ends early: " + left
                        + " rows are missing", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sorted run " + file + ": " + e.getMessage(), e);
            }
        }

        /** A run torn by a crash of the machine (runs are not forced to disk), or changed by hand. */
        private IllegalStateException damaged(String what) {
            return new IllegalStateException("the sorted run " + file + " is damaged (" + what + "); start a new run, "
                    + "which reads the export again, instead of restarting this one");
        }

        void close() {
            try {
                in.close();
            } catch (IOException e) {
                // read only: nothing is lost
            }
        }
    }
}
