package de.catalogsync.publish;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file that readers see either in its old or in its new complete form: written beside the target under a
 * temporary name (a dot before, {@code .tmp} after), forced to disk, then renamed over it in one step.
 */
public final class AtomicFile implements AutoCloseable {

    private final Path target;
    private final Path dir;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean committed;

    public AtomicFile(Path target) throws IOException {
        this.target = target;
        this.dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        this.temp = dir.resolve("." + target.getFileName() + ".tmp");
        this.channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    public OutputStream stream() {
        return out;
    }

    /** Makes the new content visible. Without this, {@link #close()} throws the new content away. */
    public void commit() throws IOException {
        commit(true);
    }

    /**
     * Makes the new content visible without forcing it to disk: other processes, and this one after a restart, see
     * the old or the whole new content, but a crash of the machine itself may lose or tear it. For scratch files
     * whose reader can tell a torn one (a checksum) and whose writer can be run again.
     */
    public void commitUnforced() throws IOException {
        commit(false);
    }

    private void commit(boolean force) throws IOException {
        out.flush();
        if (force) {
            channel.force(true);
        }
        out.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (force) {
            syncFolder(dir); // the rename itself must survive a power cut too
        }
        committed = true;
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot open a folder; the rename is then as durable as they make it
        }
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Writes a whole small file atomically. */
    public static void write(Path target, byte[] content) throws IOException {
        try (AtomicFile file = new AtomicFile(target)) {
            file.stream().write(content);
            file.commit();
        }
    }
}
