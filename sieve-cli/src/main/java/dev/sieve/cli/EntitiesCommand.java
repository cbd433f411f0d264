package dev.sieve.cli;

import dev.sieve.model.Entity;
import dev.sieve.model.Publication;
import dev.sieve.store.SieveStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sieve entities --as-of DATE}: what was listed on a date, per source. */
@Command(name = "entities", mixinStandardHelpOptions = true,
        description = "The entities listed on a date: per source, the publication in force then. Counts by default.")
final class EntitiesCommand extends CliCommand implements Callable<Integer> {
    @ParentCommand
    SieveCommand root;

    @Option(names = "--as-of", paramLabel = "DATE", description = "YYYY-MM-DD (all of that day) or an instant; "
            + "default: now.")
    String asOf;

    @Option(names = "--source", description = "Only this source.")
    String source;

    @Option(names = "--list", description = "List the entities (id, schema, name) instead of counting them.")
    boolean list;

    @Override
    public Integer call() {
        PrintWriter out = out();
        Instant at = asOf == null ? Instant.now() : Dates.endOf(asOf, "--as-of");
        try (SieveStore store = Databank.open(root)) {
            List<String> sources = source != null ? List.of(source) : store.sources();
            if (source != null && !store.sources().contains(source)) {
                throw new UserException("no publications of source '" + source + "' (sources: "
                        + String.join(", ", store.sources()) + ")");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            for (String s : sources) {
                Publication p = store.publicationAsOf(s, at).orElse(null);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("publication", p);
                if (p == null) {
                    entry.put("count", 0);
                } else if (list) {
                    List<Entity> entities = new ArrayList<>();
                    store.entitiesOf(p.id(), entities::add);
                    entry.put("count", entities.size());
                    entry.put("entities", entities);
                } else {
                    entry.put("count", store.countOf(p.id()));
                }
                result.put(s, entry);
            }
            if (json) {
                Output.json(out, Map.of("as_of", at, "sources", result));
                return 0;
            }
            out.printf("as of %s:%n", at);
            for (var e : result.entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> entry = (Map<String, Object>) e.getValue();
                Publication p = (Publication) entry.get("publication");
                out.printf("%-22s %8s  %s%n", e.getKey(), entry.get("count"),
                        p == null ? "(not yet published then)" : "publication " + p.id() + " of " + Output.when(p.effectiveAt()));
                if (list && p != null) {
                    @SuppressWarnings("unchecked")
                    List<Entity> entities = (List<Entity>) entry.get("entities");
                    Table t = new Table(Table.Column.fixed("  ID", false), Table.Column.fixed("SCHEMA", false),
                            Table.Column.shrinks("NAME", false, 0, 16));
                    for (Entity en : entities) t.row("  " + en.id(), en.schema(), en.primaryName().value());
                    t.print(out, terminal());
                }
            }
            return 0;
        }
    }
}
