package de.catalogsync.operate;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Restarts a failed or stopped run where it stopped: completed steps are not repeated.",
                "A run left 'STARTED' by a killed process is marked failed first."})
public class RestartCommand implements Callable<Integer> {

    @Mixin
    ContextOptions context;

    @Parameters(paramLabel = "ID", description = "The run's id, as `runs` shows it.")
    long id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext ctx = context.start()) {
            RunResult result = ctx.getBean(RunService.class).restart(id);
            RunReport.print(result, spec.commandLine().getOut());
            return result.exitCode();
        }
    }
}
