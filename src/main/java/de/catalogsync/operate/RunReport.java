package de.catalogsync.operate;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;

import de.catalogsync.merge.ImportOutcome;

/** Prints runs for operators: one block per run, one line per state. */
final class RunReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RunReport() {
    }

    static void print(RunResult result, PrintWriter out) {
        out.printf("run %d: %s%n", result.executionId(), result.status());
        states(result.outcomes(), out);
        if (result.mergedServices() != null) {
            out.printf("merged: %d services with a LeiKa key, %d state-local services%n", result.mergedServices(),
                    result.localServices());
        } else {
            out.println("nothing published");
        }
        result.failures().forEach(f -> out.println("failure: " + f));
        out.flush();
    }

    static void list(List<RunResult> runs, PrintWriter out) {
        if (runs.isEmpty()) {
            out.println("no runs yet");
        }
        out.printf("%-6s %-14s %-19s  %-19s  %-9s%n", "id", "job", "start", "end", "status");
        for (RunResult r : runs) {
            out.printf("%-6d %-14s %-19s  %-19s  %-9s%n", r.executionId(), r.jobName(),
                    r.start() == null ? "-" : TIME.format(r.start()), r.end() == null ? "-" : TIME.format(r.end()),
                    r.status());
            if (r.overtakenBy() != null) {
                out.printf("       overtaken by run %d, which started after it and has decided since: it cannot restart%n",
                        r.overtakenBy());
            }
            for (ImportOutcome o : r.outcomes()) {
                out.printf("       %-3s %-9s read %9d  imported %9d  rejected %7d%s%n", o.state(), o.status(), o.read(),
                        o.imported(), o.rejected(), o.reason() == null ? "" : "  " + o.reason());
            }
        }
        out.flush();
    }

    private static void states(List<ImportOutcome> outcomes, PrintWriter out) {
        out.printf("%-5s %-9s %10s %10s %10s  %s%n", "state", "status", "read", "imported", "rejected", "reason");
        for (ImportOutcome o : outcomes) {
            out.printf("%-5s %-9s %10d %10d %10d  %s%n", o.state(), o.status(), o.read(), o.imported(), o.rejected(),
                    o.reason() == null ? "" : o.reason());
        }
    }
}
