package de.catalogsync.operate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import de.catalogsync.config.CatalogProperties;
import de.catalogsync.config.SourceProperties;
import de.catalogsync.importing.DryRun;
import de.catalogsync.normalise.Reject;
import de.catalogsync.sources.SourceConfigurationException;
import de.catalogsync.sources.SourceReadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Dry run: reads and normalises one state's file as an import would and prints the counts and "
                + "the first rejects. Nothing is written to the catalogue or to the output folder.",
                "Exit 0: the file would import with no rejects; 3: with rejects; 1: it cannot be read."})
public class ValidateCommand implements Callable<Integer> {

    @Mixin
    ContextOptions context;

    @Option(names = "--state", required = true, paramLabel = "STATE", description = "The state the file is from, e.g. BY.")
    String state;

    @Option(names = "--file", required = true, paramLabel = "PATH", description = "The export to check.")
    Path file;

    @Option(names = "--show", defaultValue = "20", paramLabel = "N", description = "How many rejects to print (default: ${DEFAULT-VALUE}).")
    int show;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext ctx = context.startWithoutDatabase()) {
            SourceProperties source;
            try {
                source = ctx.getBean(CatalogProperties.class).source(state);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            DryRun.Report report;
            try {
                report = DryRun.run(source, file, show);
            } catch (SourceReadException | SourceConfigurationException e) {
                spec.commandLine().getErr().println("catalog-sync: cannot read " + file + ": " + e.getMessage());
                return ExitCodes.FAILURE;
            }
            out.printf("%s %s: read %d, valid %d, rejected %d%n", report.state(), report.file(), report.read(),
                    report.valid(), report.rejected());
            report.rejectsByReason().forEach((reason, n) -> out.printf("  %-10s %d%n", reason, n));
            for (Reject r : report.firstRejects()) {
                out.printf("line %d: %s: %s%n", r.provenance().line(), r.reason(), r.message());
            }
            out.flush();
            return report.clean() ? ExitCodes.OK : ExitCodes.PARTIAL;
        }
    }
}
