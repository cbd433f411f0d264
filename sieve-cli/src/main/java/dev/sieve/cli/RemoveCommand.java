package dev.sieve.cli;

import dev.sieve.model.Publication;
import dev.sieve.store.Actor;
import dev.sieve.store.SieveStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sieve lists remove SOURCE --yes}: a source and all its publications out of the databank, audited. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a source and every publication of it (for a source loaded by mistake or no longer"
                + " licensed). One audit event records what was removed; a running server drops it at its next poll."
                + " Without --yes, shows what would be removed and changes nothing.")
final class RemoveCommand extends CliCommand implements Callable<Integer> {
    @ParentCommand
    ListsCommand lists;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The source, as sieve lists shows it (e.g. ftm:gb_coh_disqualified).")
    String source;

    @Option(names = "--yes", description = "Remove it: without this, nothing is changed.")
    boolean yes;

    @Override
    public Integer call() {
        PrintWriter out = out();
        try (SieveStore store = Databank.open(lists.root)) {
            List<Publication> pubs = store.publications(source);
            if (pubs.isEmpty()) {
                throw new UserException("no source '" + source + "' in the databank; sources: " + String.join(", ", store.sources()));
            }
            if (!yes) {
                Output.publications(out, terminal(), pubs);
                throw new UsageException("this would remove source '" + source + "' and its " + pubs.size()
                        + " publication(s) above; add --yes to remove them");
            }
            SieveStore.Removal r = store.removeSource(Actor.cli(), source);
            if (json) {
                Output.json(out, Map.of("source", r.source(), "publications", r.publications(), "entity_versions", r.entityVersions()));
            } else {
                out.printf("removed source %s: %d publication(s), %,d entity versions; recorded in the audit trail%n",
                        r.source(), r.publications().size(), r.entityVersions());
            }
            return ExitCodes.CLEAR;
        }
    }
}
