package dev.sieve.cli;

import dev.sieve.model.Entity;
import dev.sieve.model.Publication;
import dev.sieve.store.EntityDiff;
import dev.sieve.store.SieveStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sieve lists diff SOURCE}: what changed between two publications of a source. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Added, removed and changed entities (with the changed fields) between two publications of a "
                + "source; by default the latest two.")
final class DiffCommand extends CliCommand implements Callable<Integer> {
    @ParentCommand
    ListsCommand lists;

    @Parameters(index = "0", paramLabel = "SOURCE")
    String source;

    @Option(names = "--from", paramLabel = "PUB", description = "The earlier publication id.")
    Long from;

    @Option(names = "--to", paramLabel = "PUB", description = "The later publication id.")
    Long to;

    @Option(names = "--limit", description = "Entities shown per section in text output (default ${DEFAULT-VALUE}).",
            defaultValue = "20")
    int limit;

    @Override
    public Integer call() {
        PrintWriter out = out();
        try (SieveStore store = Databank.open(lists.root)) {
            List<Publication> pubs = store.publications(source);
            if (pubs.isEmpty()) throw new UserException("no publications of source '" + source + "' (sources: "
                    + String.join(", ", store.sources()) + ")");
            long toId = to != null ? to : pubs.getLast().id();
            long fromId;
            if (from != null) {
                fromId = from;
            } else {
                int i = indexOf(pubs, toId);
                if (i <= 0) throw new UserException("source '" + source + "' has no publication before " + toId
                        + " to compare with; give --from");
                fromId = pubs.get(i - 1).id();
            }
            indexOf(pubs, fromId);
            indexOf(pubs, toId);
            EntityDiff diff = store.diff(fromId, toId);
            if (json) {
                Output.json(out, diff);
                return 0;
            }
            out.printf("%s: publication %d (%s) -> %d (%s)%n", source, fromId, Output.when(diff.from().effectiveAt()),
                    toId, Output.when(diff.to().effectiveAt()));
            out.printf("added %,d, removed %,d, changed %,d%n", diff.added().size(), diff.removed().size(),
                    diff.changed().size());
            section(out, "added", diff.added().stream().map(DiffCommand::line).toList());
            section(out, "removed", diff.removed().stream().map(DiffCommand::line).toList());
            section(out, "changed", diff.changed().stream().map(c -> c.id() + "  " + c.name() + "  ["
                    + String.join(", ", c.fields().stream().map(EntityDiff.FieldChange::field).toList()) + "]").toList());
            return 0;
        }
    }

    private int indexOf(List<Publication> pubs, long id) {
        for (int i = 0; i < pubs.size(); i++) if (pubs.get(i).id() == id) return i;
        throw new UserException("publication " + id + " is not a publication of source '" + source + "'");
    }

    private static String line(Entity e) {
        return e.id() + "  " + e.primaryName().value();
    }

    private void section(PrintWriter out, String title, List<String> lines) {
        if (lines.isEmpty()) return;
        out.println();
        out.println(title + ":");
        lines.stream().limit(limit).forEach(l -> terminal().println(out, 4, "  " + l));
        if (lines.size() > limit) out.printf("  ... %,d more (--limit N or --json for all)%n", lines.size() - limit);
    }
}
