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
