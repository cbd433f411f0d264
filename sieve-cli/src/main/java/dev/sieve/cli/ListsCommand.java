package dev.sieve.cli;

import dev.sieve.model.Publication;
import dev.sieve.store.SieveStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sieve lists}: the publications in the databank; subcommands load, diff and update them. */
@Command(name = "lists", description = "Show the list publications in the databank (subcommands: load, diff, update, remove).",
        subcommands = {LoadCommand.class, DiffCommand.class, UpdateCommand.class, RemoveCommand.class}, mixinStandardHelpOptions = true)
final class ListsCommand extends CliCommand implements Callable<Integer> {
    @ParentCommand
    SieveCommand root;

    @Option(names = "--source", description = "Only this source's publications.")
    String source;

    @Override
    public Integer call() {
        try (SieveStore store = Databank.open(root)) {
            List<Publication> pubs = store.publications(source);
            var out = out();
            if (json) {
                Output.json(out, pubs);
            } else if (pubs.isEmpty()) {
                out.println("No publications loaded yet. Load lists with: sieve lists load PATH...");
            } else {
                Output.publications(out, terminal(), pubs);
            }
        }
        return 0;
    }
}
