package dev.sieve.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code sieve}: the command-line entry point behind the {@code ./sieve} launcher. */
@Command(name = "sieve", mixinStandardHelpOptions = true, version = "Sieve 0.1.0",
        description = "Sanctions and watchlist databank with cross-script screening.",
        subcommands = {ListsCommand.class, EntityCommand.class, EntitiesCommand.class, PartiesCommand.class, ScreenCommand.class,
                CompareCommand.class, ScreenPaymentCommand.class, ScreenManifestCommand.class, MovementsCommand.class, RegimesCommand.class, SubjectsCommand.class, AlertsCommand.class, ServeCommand.class, AdminCommand.class, AuditCommand.class,
                CommandLine.HelpCommand.class})
public final class SieveCommand implements Runnable {
    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data directory of the embedded database (default: $SIEVE_DATA or ~/.sieve).")
    Path data;

    @Option(names = "--create", scope = ScopeType.INHERIT,
            description = "Start a new databank in the --data folder when it does not exist yet.")
    boolean create;

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "A JDBC URL (e.g. jdbc:postgresql://127.0.0.1:5432/sieve) instead of the embedded database (default:"
                    + " $SIEVE_DB). Keep the password off the command line: $SIEVE_DB_PASSWORD_FILE or $SIEVE_DB_PASSWORD, user in $SIEVE_DB_USER.")
    String db;

    @Option(names = "--color", scope = ScopeType.INHERIT, paramLabel = "WHEN",
            description = "Colour on a terminal: auto (default; off when NO_COLOR is set), always or never.")
    String color;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Settings from a Java properties file (port=8080, serve.metrics-key=..., db=...); flags and $SIEVE_* variables"
                    + " win over it (default: $SIEVE_CONFIG). See docs/OPERATIONS.md.")
    Path config;

    @Option(names = "--log-format", scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "auto",
            description = "The log on standard error: json (one object per line), text, or auto: json unless it is a terminal"
                    + " (default: ${DEFAULT-VALUE}; $SIEVE_LOG_FORMAT).")
    String logFormat;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where standard output goes, as detected when the process started. */
    private Terminal terminal = Terminal.PIPE;

    Terminal terminal() {
        return terminal.colour(color);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // libraries (Flyway, Hikari, Jetty) speak only when something is wrong (Logging: WARN for them, INFO for Sieve)
        // java.util.logging (Prowide) would print its WARNING lines into the command's output
        java.util.logging.LogManager.getLogManager().reset();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), Terminal.detect()));
    }

    /** Runs the CLI with the given output streams and returns its exit code (used by the tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, Terminal.PIPE);
    }

    static int run(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
        SieveCommand root = new SieveCommand();
        root.terminal = terminal;
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        try {
            cli.setDefaultValueProvider(Settings.load(args, System.getenv()));
        } catch (UsageException e) {
            err.println("sieve: " + e.getMessage());
            err.flush();
            return UsageException.EXIT_CODE;
        }
        cli.setExecutionStrategy(parsed -> {
            Logging.configure(Logging.parse(root.logFormat));
            return new CommandLine.RunLast().execute(parsed);
        });
        ExitCodes.document(cli);
        if (args.length == 0) {
            cli.usage(err);
            err.flush();
            return 2; // a usage error, as picocli answers a wrong option
        }
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
