package dev.sieve.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What every subcommand has: the {@code --json} switch and the command line's output streams. */
abstract class CliCommand {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON (for scripts).")
    boolean json;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** How wide the output may be and whether it may be coloured. */
    Terminal terminal() {
        return ((SieveCommand) spec.root().userObject()).terminal();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
