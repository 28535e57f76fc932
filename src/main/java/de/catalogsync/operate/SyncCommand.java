package de.catalogsync.operate;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import de.catalogsync.merge.ImportOutcome;
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
            SyncRunner.RunResult result = ctx.getBean(SyncRunner.class).syncNow(runDate != null ? runDate : LocalDate.now());
            print(result, spec.commandLine().getOut());
            return result.exitCode();
        }
    }

    static void print(SyncRunner.RunResult result, PrintWriter out) {
        out.printf("run %d: %s%n", result.executionId(), result.status());
        out.printf("%-5s %-9s %10s %10s %10s  %s%n", "state", "status", "read", "imported", "rejected", "reason");
        for (ImportOutcome o : result.outcomes()) {
            out.printf("%-5s %-9s %10d %10d %10d  %s%n", o.state(), o.status(), o.read(), o.imported(), o.rejected(),
                    o.reason() == null ? "" : o.reason());
        }
        if (result.mergedServices() != null) {
            out.printf("merged: %d services with a LeiKa key, %d state-local services%n", result.mergedServices(),
                    result.localServices());
        } else {
            out.println("nothing published");
        }
        result.failures().forEach(f -> out.println("failure: " + f));
        out.flush();
    }
}
