package dev.sieve.cli;

import dev.sieve.match.MatchEngine;
import dev.sieve.model.Match;
import dev.sieve.model.Schema;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sieve compare NAME1 NAME2}: the screening scorer on one pair of names. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Score one pair of names as screening does: NAME1 as screened (the customer, traveller or party), "
                + "NAME2 as listed; the score, whether it would alert, and why. "
                + "Name parts are weighed by their rarity in the databank's lists when any are loaded. "
                + "--json prints {\"score\": ..., \"alert\": ..., \"explanation\": ...}.")
final class CompareCommand extends CliCommand implements Callable<Integer> {
    @ParentCommand
    SieveCommand root;

    @Parameters(index = "0", paramLabel = "NAME1", description = "The name screened.")
    String name1;

    @Parameters(index = "1", paramLabel = "NAME2", description = "The listed name.")
    String name2;

    @Option(names = "--schema", description = "Person, Organization, Vessel or Airplane.")
    String schema;

    @Option(names = "--threshold", description = "Alert threshold (default " + MatchEngine.DEFAULT_THRESHOLD + ").")
    Double threshold;

    @Option(names = "--neutral", description = "Weigh every name part the same instead of by rarity in the lists.")
    boolean neutral;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        MatchEngine engine;
        if (neutral) {
            engine = MatchEngine.build(List.of());
        } else {
            MatchEngine loaded;
            try {
                loaded = Engines.load(root, new ArrayList<>()).snapshot().engine();
            } catch (UserException noLists) {
                loaded = MatchEngine.build(List.of());
            }
            engine = loaded;
        }
        Schema given = schema == null ? null : Schema.parse(schema);
        Schema as = MatchEngine.compareSchema(name1, name2, given);
        Match m = engine.compareAsScreened(name1, name2, as);
        double t = threshold != null ? threshold : engine.defaultThreshold();
        boolean alert = m.score() >= t;
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("score", m.score());
            o.put("alert", alert);
            o.put("threshold", t);
            o.put("compared_as", as.label());
            o.put("explanation", m.explanation());
            Output.json(out, o);
            return 0;
        }
        out.printf("\"%s\" ~ \"%s\" as %s%s: score %.3f, %s at threshold %.2f%n", name1, name2, as.label(),
                given == null ? " (" + (as == Schema.PERSON ? "no legal form in either name; give --schema otherwise" : "a legal form says so") + ")" : "",
                m.score(), alert ? "ALERT" : "no alert", t);
        new MatchText(out, terminal()).explain(m, "");
        return 0;
    }
}
