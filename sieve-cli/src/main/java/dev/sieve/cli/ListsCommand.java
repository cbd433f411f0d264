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

    @Option(names = "--stale-after", defaultValue = "7d", paramLabel = "AGE",
            description = "Flag a source whose newest publication is older than this (7d, 36h, P7D; default: ${DEFAULT-VALUE}).")
    String staleAfterText;

    @Override
    public Integer call() {
        java.time.Duration staleAfter;
        try {
            staleAfter = dev.sieve.databank.SourceFreshness.parseAge(staleAfterText);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--stale-after: " + e.getMessage());
        }
        try (SieveStore store = Databank.open(root)) {
            List<Publication> pubs = store.publications(source);
            var out = out();
            if (json) {
                Output.json(out, pubs);
            } else if (pubs.isEmpty()) {
                out.println("No publications loaded yet. Load lists with: sieve lists load PATH...");
            } else {
                Output.publications(out, terminal(), pubs);
                freshness(out, pubs, staleAfter);
            }
        }
        return 0;
    }

    /** Per source, how old its newest publication is: a source that stopped updating, or one retired, is said so. */
    private void freshness(java.io.PrintWriter out, List<Publication> pubs, java.time.Duration staleAfter) {
        java.util.Map<String, Publication> newest = new java.util.TreeMap<>();
        for (Publication p : pubs) newest.merge(p.source(), p, (a, b) -> b.effectiveAt().isAfter(a.effectiveAt()) ? b : a);
        out.println();
        Table t = new Table(Table.Column.shrinks("SOURCE", false, 4, 12), Table.Column.fixed("NEWEST", false),
                Table.Column.fixed("AGE (DAYS)", true), Table.Column.shrinks("STATE", false, 5, 40));
        for (var f : dev.sieve.databank.SourceFreshness.of(newest.values(), java.time.Instant.now(), staleAfter)) {
            String state = f.retired() != null ? "retired " + f.retired().since() + ", replaced by " + f.retired().replacedBy()
                    : f.stale() ? "STALE (over " + staleAfter.toDays() + " days)" : "current";
            t.row(f.source(), f.newest().effectiveAt().toString().substring(0, 10), String.format("%,d", f.age().toDays()), state);
        }
        t.print(out, terminal());
    }
}
