package de.catalogsync.job;

import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly sync: one import step per configured state (a state that fails does not stop the others), then
 * the merge, then the publish. No incrementer: the run-date parameter identifies a night's run.
 */
@Configuration
public class SyncJobConfiguration {

    public static final String JOB_NAME = CatalogJobs.SYNC_JOB;

    @Bean
    public Job catalogSyncJob(CatalogJobs jobs) {
        return jobs.syncJob();
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
