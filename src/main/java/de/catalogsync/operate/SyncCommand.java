package de.catalogsync.operate;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Imports every configured state's export now, merges and publishes the catalogue.")
public class SyncCommand implements Callable<Integer> {

    @Mixin
    ContextOptions context;

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD", description = "The date the run belongs to (default: today).")
    LocalDate runDate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext ctx = context.start()) {
            RunService runs = ctx.getBean(RunService.class);
            runs.checkConfiguration();
            RunResult result = runs.runNow(ctx.getBean("catalogSyncJob", org.springframework.batch.core.job.Job.class),
                    runs.manualSync(runDate != null ? runDate : LocalDate.now()));
            RunReport.print(result, spec.commandLine().getOut());
            return result.exitCode();
        }
    }
}
