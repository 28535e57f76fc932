package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;

import de.catalogsync.testing.IdleJvm;

class RunLivenessTest {

    private final RunLiveness liveness = new RunLiveness(null); // owner() reads no database
    private Process other;

    @BeforeEach
    void anotherJvmOnThisHost() throws Exception {
        other = IdleJvm.start();
    }

    @AfterEach
    void stopIt() throws Exception {
        other.destroyForcibly().waitFor();
    }

    @Test
    void aLiveJvmOnThisHostOwnsTheRunItCouldHaveCreated() {
        JobExecution run = runOf(other.pid(), LocalDateTime.now().plusSeconds(5));

        assertThat(liveness.owner(run)).isEqualTo(RunLiveness.Owner.ALIVE);
    }

    @Test
    void aJvmThatStartedAfterTheRunWasCreatedIsNotItsOwnerButItsPidsNewTenant() {
        JobExecution run = runOf(other.pid(), LocalDateTime.now().minusMinutes(10));

        assertThat(liveness.owner(run)).isEqualTo(RunLiveness.Owner.GONE);
    }

    @Test
    void aRunOfAnotherHostOrOfThisProcessIsJudgedBySignsOfLifeNotByItsPid() {
        JobExecution elsewhere = runOf(other.pid(), LocalDateTime.now());
        elsewhere.getExecutionContext().putString(RunLogContext.OWNER_HOST, "another-host.example");
        JobExecution ours = runOf(ProcessHandle.current().pid(), LocalDateTime.now());

        assertThat(liveness.owner(elsewhere)).isEqualTo(RunLiveness.Owner.UNKNOWN);
        assertThat(liveness.owner(ours)).isEqualTo(RunLiveness.Owner.UNKNOWN);
    }

    private static JobExecution runOf(long pid, LocalDateTime created) {
        JobExecution run = new JobExecution(5, new JobInstance(3, "catalogSync"), new JobParameters());
        run.setCreateTime(created);
        run.getExecutionContext().putString(RunLogContext.OWNER_HOST, RunLogContext.hostName());
        run.getExecutionContext().putLong(RunLogContext.OWNER_PID, pid);
        return run;
    }
}
