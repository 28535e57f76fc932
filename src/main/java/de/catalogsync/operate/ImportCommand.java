package de.catalogsync.operate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import de.catalogsync.config.SourceProperties;
import de.catalogsync.job.CatalogJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports one state's file by hand, in that state's configured format, then merges and "
                + "publishes. The file replaces the state's last import; the other states keep theirs."})
public class ImportCommand implements Callable<Integer> {

    @Mixin
    ContextOptions context;

    @Option(names = "--state", required = true, paramLabel = "STATE", description = "The state the file is from, e.g. BY.")
    String state;

    @Option(names = "--file", required = true, paramLabel = "PATH", description = "The export to import.")
    Path file;

    @Option(names = "--accept-shrink", description = "Publish the file even if it holds far fewer services than the "
            + "state's last good import (catalog.shrink-guard.min-share) or none: a deliberate cut, not a broken export.")
    boolean acceptShrink;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext ctx = context.start()) {
            RunService runs = ctx.getBean(RunService.class);
            SourceProperties source = runs.importSource(state, file);
            RunResult result = runs.runNow(ctx.getBean(CatalogJobs.class).importJob(source),
                    runs.acceptShrink(runs.manualImport(source.land().name(), source.location(), LocalDate.now()),
                            acceptShrink ? source.land().name() : null));
            RunReport.print(result, spec.commandLine().getOut());
            return result.exitCode();
        }
    }
}
