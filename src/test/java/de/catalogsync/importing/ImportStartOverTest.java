package de.catalogsync.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import de.catalogsync.normalise.Land;
import de.catalogsync.normalise.Offering;
import de.catalogsync.normalise.Provenance;
import de.catalogsync.sources.RecordSource;
import de.catalogsync.sources.SourceRecord;

/** An import whose file changed since a crash starts over: nothing of the earlier attempt may count. */
class ImportStartOverTest {

    @TempDir
    Path dir;

    @Test
    void aRestartedImportWhoseFileChangedForgetsWhatTheEarlierAttemptSpilled() throws Exception {
        Path file = Files.writeString(dir.resolve("th.csv"), "changed since the crash\n");
        JobInstanceHolder instance = new JobInstanceHolder();
        instance.beforeStep(new StepExecution(1, "import-TH",
                new JobExecution(1, new JobInstance(7, "catalogSync"), new JobParameters())));
        StagingWriter writer = new StagingWriter(null, Land.TH, instance, dir.resolve("spill"));
        writer.runs().write(1, List.of(new Offering("99046029000000", Land.TH, "160000000000", "TH-1", null, null,
                null, null, null, null, null, null, null, null, null, new Provenance("th.csv", 2, 1, null))));
        ExecutionContext context = new ExecutionContext();
        context.putLong(SourceItemReader.RECORDS_KEY, 1000);
        context.putString(SourceItemReader.FINGERPRINT_KEY, "the file as it was");
        context.putLong(StagingWriter.SPILLED_KEY, 900);
        SourceItemReader reader = new SourceItemReader(file, f -> new EmptySource(), writer::startOver,
                ImportProgress.NONE);

        reader.open(context); // the step opens its reader before its writer
        writer.open(context);
        writer.update(context);

        assertThat(context.getLong(StagingWriter.SPILLED_KEY)).isZero();
        assertThat(writer.runs().exist()).as("the earlier attempt's sorted runs are gone").isFalse();
    }

    private static final class EmptySource implements RecordSource {
        @Override
        public SourceRecord next() {
            return null;
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
