package de.catalogsync.importing;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import de.catalogsync.sources.SourceConfigurationException;
import de.catalogsync.sources.SourceReadException;

/**
 * Tells the step's components which job instance (one night's or one manual run) they are importing for, and
 * keeps the reason when the import fails.
 */
public class JobInstanceHolder implements StepExecutionListener {

    public static final String FAILURE_REASON_KEY = "failure.reason";

    private volatile long instanceId = -1;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
    }

    /**
     * Keeps the reader's own reason for a failed import in the step's context: read back from the repository,
     * a step has lost its exceptions and only the outermost wrapper's message would remain.
     */
    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        for (Throwable failure : stepExecution.getFailureExceptions()) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof SourceReadException || t instanceof SourceConfigurationException) {
                    stepExecution.getExecutionContext().putString(FAILURE_REASON_KEY, t.getMessage());
                    return null;
                }
            }
            Throwable root = failure;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            stepExecution.getExecutionContext().putString(FAILURE_REASON_KEY,
                    root.getClass().getSimpleName() + ": " + root.getMessage());
        }
        return null;
    }

    public long get() {
        if (instanceId < 0) {
            throw new IllegalStateException("no step is running");
        }
        return instanceId;
    }
}
