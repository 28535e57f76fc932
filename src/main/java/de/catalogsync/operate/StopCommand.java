package de.catalogsync.operate;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Asks a running run to stop cleanly after its current chunk; `restart ID` continues it later."})
public class StopCommand implements Callable<Integer> {

    @Mixin
    ContextOptions context;

    @Parameters(paramLabel = "ID", description = "The run's id, as `runs` shows it.")
    long id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext ctx = context.start()) {
            ctx.getBean(RunService.class).stop(id);
            spec.commandLine().getOut().println("run " + id + ": stop requested");
            return ExitCodes.OK;
        }
    }
}
