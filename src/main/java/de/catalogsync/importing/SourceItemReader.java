package de.catalogsync.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import de.catalogsync.job.KillPoints;
import de.catalogsync.sources.RecordSource;
import de.catalogsync.sources.SourceRecord;

/**
 * Spring Batch face of a {@link RecordSource}. It remembers how many records were committed, so that a restart
 * after a crash continues behind the last committed chunk instead of importing rows twice. If the file changed
 * since, the import starts over (the caller clears what was staged).
 */
public class SourceItemReader implements ItemStreamReader<SourceRecord> {

    public static final String RECORDS_KEY = "records.read";
    static final String FINGERPRINT_KEY = "file.fingerprint";

    private final Path file;
    private final Function<Path, RecordSource> opener;
    private final Consumer<ExecutionContext> onStartOver;
    private final ImportProgress progress;
    private RecordSource records;
    private long count;

    /**
     * @param onStartOver clears what an earlier attempt staged, and what it kept in the step's context (the reader
     *                    is opened before the writer, so the writer then reads the cleared context)
     */
    public SourceItemReader(Path file, Function<Path, RecordSource> opener, Consumer<ExecutionContext> onStartOver,
                            ImportProgress progress) {
        this.file = file;
        this.opener = opener;
        this.onStartOver = onStartOver;
        this.progress = progress;
    }

    /**
     * All records an import step read from its file, across restarts: a restarted step counts only what it read
     * itself, while this reader keeps the position in the file in the step's context.
     */
    public static long recordsRead(StepExecution step) {
        return step.getExecutionContext().containsKey(RECORDS_KEY)
                ? step.getExecutionContext().getLong(RECORDS_KEY) : step.getReadCount();
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        String fingerprint = fingerprint();
        long resumeAt = context.containsKey(RECORDS_KEY) ? context.getLong(RECORDS_KEY) : 0;
        if (resumeAt > 0 && !fingerprint.equals(context.getString(FINGERPRINT_KEY, ""))) {
            resumeAt = 0;
        }
        if (resumeAt == 0) {
            onStartOver.accept(context);
        }
        context.putString(FINGERPRINT_KEY, fingerprint);
        records = opener.apply(file);
        count = 0;
        while (count < resumeAt && records.next() != null) {
            count++;
        }
        progress.started(file, size(), count);
    }

    @Override
    public SourceRecord read() {
        SourceRecord record = records.next();
        if (record != null) {
            count++;
            KillPoints.reached("import", count);
            progress.advanced(count, records.bytesRead());
        }
        return record;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(RECORDS_KEY, count);
    }

    @Override
    public void close() {
        if (records != null) {
            records.close();
            records = null;
            progress.finished(count);
        }
    }

    private String fingerprint() {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
