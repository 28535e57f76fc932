package de.catalogsync.operate;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "Lists the recent runs, newest first: id, start, end, status, and per state read / imported / rejected.")
public class RunsCommand implements Callable<Integer> {

    @Mixin
    ContextOptions context;

    @Option(names = "--limit", defaultValue = "10", paramLabel = "N", description = "How many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1");
        }
        try (ConfigurableApplicationContext ctx = context.start()) {
            RunReport.list(ctx.getBean(RunService.class).recent(limit), spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }
}
