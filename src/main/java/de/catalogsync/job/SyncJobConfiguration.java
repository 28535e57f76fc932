package de.catalogsync.job;

import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowJobBuilder;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import de.catalogsync.config.CatalogProperties;
import de.catalogsync.config.SourceProperties;
import de.catalogsync.importing.ImportStepFactory;
import de.catalogsync.merge.MergeTasklet;
import de.catalogsync.merge.StateImports;
import de.catalogsync.publish.CatalogueReader;
import de.catalogsync.publish.PublishTasklet;
import de.catalogsync.publish.RejectFiles;
import de.catalogsync.reference.LeikaReference;

/**
 * The nightly sync: one import step per configured state (a state that fails does not stop the others), then
 * the merge, then the publish. No incrementer: the run-date parameter identifies a night's run.
 */
@Configuration
public class SyncJobConfiguration {

    public static final String JOB_NAME = "catalogSync";

    @Bean
    public Job catalogSyncJob(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              ImportStepFactory importSteps, CatalogProperties properties, JdbcTemplate jdbc,
                              LeikaReference reference, StateImports stateImports, CatalogueReader catalogueReader,
                              RejectFiles rejectFiles) {
        List<SourceProperties> sources = properties.sources();
        if (sources.isEmpty()) {
            throw new IllegalStateException("no sources configured: catalog.sources is empty");
        }
        Step merge = new StepBuilder("merge", jobRepository)
                .tasklet(new MergeTasklet(jdbc, jobRepository, properties, sources, reference, stateImports), transactionManager)
                .build();
        Step publish = new StepBuilder("publish", jobRepository)
                .tasklet(new PublishTasklet(properties, sources, catalogueReader, rejectFiles, jobRepository, jdbc),
                        transactionManager)
                .build();
        List<Step> imports = sources.stream().map(importSteps::importStep).toList();
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(importsThenMerge(imports, merge))
                .next(publish)
                .end()
                .build();
    }

    /** Every import runs whatever became of the one before: a state fails alone. */
    static Flow importsThenMerge(List<Step> imports, Step merge) {
        FlowBuilder<Flow> flow = new FlowBuilder<>("imports");
        flow.start(imports.get(0));
        for (int i = 0; i < imports.size(); i++) {
            Step next = i + 1 < imports.size() ? imports.get(i + 1) : merge;
            flow.from(imports.get(i)).on("*").to(next);
        }
        return flow.build();
    }
}
