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

    @Option(names = "--accept-shrink", arity = "0..1", fallbackValue = "*", paramLabel = "STATES",
            description = "Publish these states' exports (comma-separated, e.g. NI,TH; all states when no value is "
                    + "given) even if they hold far fewer services than their last good import "
                    + "(catalog.shrink-guard.min-share) or none.")
    String acceptShrink;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext ctx = context.start()) {
            RunService runs = ctx.getBean(RunService.class);
            runs.checkConfiguration();
            RunResult result = runs.runNow(ctx.getBean("catalogSyncJob", org.springframework.batch.core.job.Job.class),
                    runs.acceptShrink(runs.manualSync(runDate != null ? runDate : LocalDate.now()), acceptShrink));
            RunReport.print(result, spec.commandLine().getOut());
            return result.exitCode();
        }
    }
}
