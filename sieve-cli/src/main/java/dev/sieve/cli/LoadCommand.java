package dev.sieve.cli;

import dev.sieve.databank.ListLoader;
import dev.sieve.databank.LoadListener;
import dev.sieve.databank.LoadOptions;
import dev.sieve.databank.LoadReport;
import dev.sieve.lists.ListInput;
import dev.sieve.lists.Problem;
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

    @Option(names = "--published", paramLabel = "DATE",
            description = "Publication date (YYYY-MM-DD or an ISO instant) for files that carry none, e.g. OFAC CSV.")
    String published;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        PrintWriter err = err();
        Instant publishedAt = published == null ? null : Dates.instant(published, "--published");
        try (SieveStore store = Databank.open(lists.root)) {
            LoadListener progress = json ? LoadListener.NONE : new LoadListener() {
                @Override
                public void read(ListInput input, int records) {
                    err.printf("read %s (%s): %,d records%n", input.main(), input.format().id(), records);
                    err.flush();
                }
            };
            LoadReport report = new ListLoader(store).load(paths, new LoadOptions(lenient, source, publishedAt), progress);
            if (json) {
                Output.json(out, report);
                return 0;
            }
            for (String s : report.skipped()) err.println("skipped " + s);
            for (LoadReport.Loaded l : report.loaded()) {
                out.printf("%s %s: publication %d of %s, %,d records%s%n", l.unchanged() ? "unchanged" : "loaded",
                        l.origin(), l.publication().id(), l.publication().source(), l.publication().recordCount(),
                        l.unchanged() ? " (these exact bytes were loaded before)" : "");
                for (Problem p : l.rejected()) err.println("  rejected " + p);
            }
            out.println();
            ListsCommand.print(out, store.publications(null));
            return 0;
        }
    }

}
