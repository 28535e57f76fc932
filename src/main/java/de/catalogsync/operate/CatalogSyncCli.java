package de.catalogsync.operate;

import de.catalogsync.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code java -jar catalog-sync.jar <command>}. */
@Command(name = "catalog-sync",
        mixinStandardHelpOptions = true,
        versionProvider = CatalogSyncCli.Version.class,
        description = "Reads the partner states' exports of their service catalogues, normalises them to the shared "
                + "LeiKa standard, merges them into one cross-state catalogue and publishes it.",
        subcommands = {SyncCommand.class, ImportCommand.class, ValidateCommand.class, RunsCommand.class,
                RestartCommand.class, StopCommand.class, ServeCommand.class, HashPasswordCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every state published", "1:nothing could be published, or the command failed",
                "2:wrong usage or configuration", "3:published, but some state was kept from its last good import or had rejects (validate: the file has rejects)"})
public class CatalogSyncCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CatalogSyncCli());
        cl.setExitCodeExceptionMapper(t -> t instanceof UsageException ? ExitCodes.USAGE : ExitCodes.FAILURE);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("catalog-sync: " + rootMessage(ex));
            return ex instanceof UsageException ? ExitCodes.USAGE : ExitCodes.FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("catalog-sync: " + ex.getMessage()
                    + " (see: catalog-sync " + ex.getCommandLine().getCommandName() + " --help)");
            return ExitCodes.USAGE;
        });
        return cl;
    }

    static String rootMessage(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return t == cause || t.getMessage() == null ? message : message;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CatalogSyncCli.class.getPackage().getImplementationVersion();
            return new String[] {"catalog-sync " + (v == null ? "(development build)" : v)};
        }
    }
}
