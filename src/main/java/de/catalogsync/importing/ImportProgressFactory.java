package de.catalogsync.importing;

import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reports import progress per state: rows done, the share of the file read and the rate. On a terminal, one
 * line that updates in place several times a second; without one (a scheduler, a log file), one log line every
 * few seconds.
 */
@Component
public class ImportProgressFactory {

    private static final Logger log = LoggerFactory.getLogger(ImportProgressFactory.class);
    private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long TERMINAL_INTERVAL_NANOS = Duration.ofMillis(250).toNanos();

    private final boolean terminal = System.console() != null;

    public ImportProgress forState(String state) {
        return new ImportProgress() {
            private long fileSize;
            private long startNanos;
            private long lastReport;

            @Override
            public void started(Path file, long size, long resumedAt) {
                fileSize = size;
                startNanos = System.nanoTime();
                lastReport = startNanos;
                if (resumedAt > 0) {
                    log.info("{}: resuming {} after record {}", state, file, resumedAt);
                } else {
                    log.info("{}: importing {} ({} bytes)", state, file, size);
                }
            }

            @Override
            public void advanced(long records, long bytesRead) {
                if ((records & 1023) != 0) {
                    return;
                }
                long now = System.nanoTime();
                if (now - lastReport >= (terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS)) {
                    lastReport = now;
                    double seconds = (now - startNanos) / 1e9;
                    String share = fileSize > 0 && bytesRead >= 0 ? String.format("%.0f%%", 100.0 * bytesRead / fileSize) : "?";
                    long rate = Math.round(records / seconds);
                    if (terminal) {
                        System.err.printf("\r%s: %,d rows, %s of the file, %,d rows/s   ", state, records, share, rate);
                        System.err.flush();
                    } else {
                        log.info("{}: {} rows, {} of the file, {} rows/s", state, records, share, rate);
                    }
                }
            }

            @Override
            public void finished(long records) {
                if (terminal && lastReport != startNanos) {
                    System.err.println();
                }
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                log.info("{}: read {} rows in {} s", state, records, String.format("%.1f", seconds));
            }
        };
    }
}
