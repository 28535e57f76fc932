package de.catalogsync.importing;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** Tells the step's components which job instance (one night's or one manual run) they are importing for. */
public class JobInstanceHolder implements StepExecutionListener {

    private volatile long instanceId = -1;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
    }

    public long get() {
        if (instanceId < 0) {
            throw new IllegalStateException("no step is running");
        }
        return instanceId;
    }
}
