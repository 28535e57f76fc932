package de.catalogsync.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;

import de.catalogsync.config.CatalogProperties;
import de.catalogsync.testing.SyncFixture;

/**
 * A run overtaken while it ran (two processes that took each other for dead) reaches its merge: the merge decides
 * nothing over the newer run's decision. The job refuses an overtaken run before any step, so only the merge's own
 * check can be met here, called directly for a run the database shows as started before the one that decided.
 */
class OvertakenMergeTest {

    @TempDir
    Path dir;

    @Test
    void aMergeOfARunOvertakenWhileItRanDecidesNothing() throws Exception {
        SyncFixture fixture = SyncFixture.mini(dir).yaml("catalog:\n  max-reject-share: 0.5");
        assertThat(fixture.sync().exitCode()).as("run 1 decides").isEqualTo(3);
        CatalogProperties properties = new CatalogProperties(dir.resolve("output"), 0.5, 5000, 2, List.of(), null,
                dir.resolve("spill"), 1, Duration.ofSeconds(30));

        fixture.query(jdbc -> {
            long before = jdbc.queryForObject("select count(*) from import_result", Long.class);
            // a run started before run 1 (instance 0), whose merge comes only now
            StepExecution merge = new StepExecution(99L, "merge",
                    new JobExecution(98L, new JobInstance(0L, "catalogSync"), new JobParameters()));
            MergeTasklet tasklet = new MergeTasklet(jdbc, null, properties, List.of(), null, null, null);

            assertThatThrownBy(() -> tasklet.execute(new StepContribution(merge), new ChunkContext(new StepContext(merge))))
                    .hasMessageContaining("this run was overtaken while it ran: run 1, started after it");
            assertThat(jdbc.queryForObject("select count(*) from import_result", Long.class)).as("nothing decided")
                    .isEqualTo(before);
            return null;
        });
    }
}
