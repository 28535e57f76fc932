package de.catalogsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Clearing the work folder's databases and outputs between runs. */
final class BenchFiles {

    private BenchFiles() {
    }

    /** Deletes an H2 file database ({@code name.mv.db}, {@code name.trace.db}, ...). */
    static void deleteDatabase(Path database) throws IOException {
        Path dir = database.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            return;
        }
        String name = database.getFileName().toString() + ".";
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().startsWith(name)) {
                    Files.delete(f);
                }
            }
        }
    }

    /** Bytes of all files under {@code path} (or of the file itself); 0 when it does not exist. */
    static long size(Path path) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            long total = 0;
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    total += Files.size(p);
                }
            }
            return total;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
