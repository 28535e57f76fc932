package de.catalogsync.testing;

import java.io.IOException;
import java.nio.file.Path;

/** A JVM on this host that only waits: the live process of a run's owner, for the liveness rules. */
public final class IdleJvm {

    private IdleJvm() {
    }

    public static Process start() throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                Path.of("target/test-classes").toAbsolutePath().toString(), IdleJvm.class.getName()).start();
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(120_000);
    }
}
