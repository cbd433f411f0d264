package dev.sieve.cli;

import dev.sieve.databank.ListLoader;
import dev.sieve.databank.LoadListener;
import dev.sieve.databank.LoadOptions;
import dev.sieve.databank.LoadReport;
import dev.sieve.lists.ListInput;
import dev.sieve.lists.Problem;
import dev.sieve.model.Publication;
import dev.sieve.store.SieveStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sieve lists load PATH...}: load list files (or folders of them) as publications, all or nothing. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load list files, or folders searched for list files, as new publications. "
                + "All files of one command load in one transaction: all or nothing.")
final class LoadCommand extends CliCommand implements Callable<Integer> {
    @ParentCommand
    ListsCommand lists;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "List files or folders.")
    List<Path> paths;

    @Option(names = "--lenient", description = "Load the good records of files with broken ones, reporting each "
            + "broken record (default: such a file is rejected whole).")
    boolean lenient;

    @Option(names = "--source", description = "File the publications under this source name.")
    String source;

    @Option(names = "--published", paramLabel = "[PATH=]DATE",
            description = "Publication date (YYYY-MM-DD or an ISO instant) of files that carry none (OFAC's CSV): "
                    + "DATE for all of them, PATH=DATE for those under PATH; repeatable. Such files are refused "
                    + "without one: publications are ordered by their dates, never by when they were loaded.")
    List<String> published = List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        PrintWriter err = err();
        Instant publishedAt = null;
        List<LoadOptions.DatedPath> dated = new java.util.ArrayList<>();
        for (String given : published) {
            int eq = given.lastIndexOf('=');
            if (eq < 0) {
                if (publishedAt != null) throw new UserException("--published DATE is given twice; use PATH=DATE for different dates");
                publishedAt = Dates.instant(given, "--published");
            } else {
                Path path = Path.of(given.substring(0, eq));
                if (!java.nio.file.Files.exists(path)) {
                    throw new UserException("--published " + given + ": no such file or folder: " + path);
                }
                dated.add(new LoadOptions.DatedPath(path, Dates.instant(given.substring(eq + 1), "--published " + given)));
            }
        }
        try (SieveStore store = Databank.open(lists.root)) {
            LoadListener progress = json ? LoadListener.NONE : new LoadListener() {
                @Override
                public void read(ListInput input, int records) {
                    err.printf("read %s (%s): %,d records%n", input.main(), input.format().id(), records);
                    err.flush();
                }
            };
            LoadReport report = new ListLoader(store).load(paths,
                    new LoadOptions(lenient, source, publishedAt).withDatedPaths(dated), progress);
            if (report.loaded().isEmpty()) {
                // a folder of companion files only, or of no list at all: say so, never "loaded"
                for (String s : report.skipped()) err.println("skipped " + s);
                throw new UserException("nothing was loaded: no list file in " + paths);
            }
            if (json) {
                Output.json(out, report);
                return 0;
            }
            for (String s : report.skipped()) err.println("skipped " + s);
            for (LoadReport.Loaded l : report.loaded()) {
                Publication p = l.publication();
                out.printf("%s %s: publication %d of %s, published %s (%s), %,d records%s%n",
                        l.unchanged() ? "unchanged" : "loaded", l.origin(), p.id(), p.source(),
                        Output.when(p.publishedAt()), Output.dateSourceLabel(p.dateSource()), p.recordCount(),
                        l.unchanged() ? " (these exact bytes were loaded before)" : "");
                if (l.history()) {
                    out.printf("  stored as history: it is dated before publication %d of %s (published %s),"
                            + " which stays current%n", l.current().id(), p.source(), Output.when(l.current().publishedAt()));
                }
                for (Problem problem : l.rejected()) err.println("  rejected " + problem);
                if (!l.unmappedPrograms().isEmpty()) unmapped(err, l.unmappedPrograms());
            }
            out.println();
            Output.publications(out, terminal(), store.publications(null));
            return 0;
        }
    }

    /**
     * Programmes listed under that the catalogue of regimes does not know (no measure is known to bind their listings,
     * so their hits ask for review): the most common few, each cut short; --json gives them all.
     */
    private static void unmapped(PrintWriter err, java.util.Map<String, Integer> programs) {
        List<String> shown = programs.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(java.util.Map.Entry.comparingByKey()))
                .limit(5).map(e -> "'" + Output.cut(e.getKey(), 60) + "' ("
                + e.getValue() + (e.getValue() == 1 ? " record)" : " records)")).toList();
        err.printf("  %d programme%s name%s no regime of the catalogue (their hits ask for review): %s%s%n", programs.size(),
                programs.size() == 1 ? "" : "s", programs.size() == 1 ? "s" : "", String.join("; ", shown),
                programs.size() > shown.size() ? "; and " + (programs.size() - shown.size()) + " more (--json lists them)" : "");
    }

}
