package dev.sieve.cli;

import dev.sieve.databank.ListLoader;
import dev.sieve.databank.ListUpdater;
import dev.sieve.databank.LoadListener;
import dev.sieve.databank.OfficialSources;
import dev.sieve.store.SieveStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sieve lists update}: fetch the current official publications and load them. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Download the current UN, OFAC, EU and UK publications from their official URLs, verify them "
                + "and load them. A failed or partial download never replaces the last good publication.")
final class UpdateCommand extends CliCommand implements Callable<Integer> {
    @ParentCommand
    ListsCommand lists;

    @Option(names = "--only", paramLabel = "SOURCE", description = "Update only these sources (repeatable).")
    List<String> only = new ArrayList<>();

    @Option(names = "--url", paramLabel = "SOURCE.FILE=URL",
            description = "Override one file's URL, e.g. --url un.consolidated.xml=http://127.0.0.1:8000/un.xml")
    List<String> urls = new ArrayList<>();

    @Option(names = "--sources", paramLabel = "FILE", description = "A properties file of SOURCE.FILE=URL lines.")
    Path sourcesFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        OfficialSources sources = OfficialSources.defaults();
        if (sourcesFile != null) sources = sources.withFile(sourcesFile);
        Properties overrides = new Properties();
        for (String u : urls) {
            int eq = u.indexOf('=');
            if (eq <= 0) throw new UserException("--url: expected SOURCE.FILE=URL, got '" + u + "'");
            overrides.setProperty(u.substring(0, eq), u.substring(eq + 1));
        }
        sources = sources.with(overrides);
        try (SieveStore store = Databank.open(lists.root)) {
            List<ListUpdater.Outcome> outcomes = new ListUpdater(new ListLoader(store)).update(sources, only,
                    LoadListener.NONE);
            if (json) {
                Output.json(out, outcomes);
            } else {
                for (ListUpdater.Outcome o : outcomes) {
                    if (o.ok()) {
                        var l = o.report().loaded().getFirst();
                        out.printf("%-14s %s publication %d, %,d records%n", o.source(),
                                l.unchanged() ? "unchanged:" : "loaded", l.publication().id(),
                                l.publication().recordCount());
                    } else {
                        out.printf("%-14s FAILED, last good publication kept: %s%n", o.source(), o.error());
                    }
                }
            }
            return outcomes.stream().allMatch(ListUpdater.Outcome::ok) ? 0 : ErrorHandler.USER_ERROR;
        }
    }
}
