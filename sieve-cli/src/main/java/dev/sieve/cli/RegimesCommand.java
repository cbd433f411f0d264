package dev.sieve.cli;

import dev.sieve.regimes.Act;
import dev.sieve.regimes.Change;
import dev.sieve.regimes.Measure;
import dev.sieve.regimes.Regime;
import dev.sieve.regimes.RegimeCatalogue;
import dev.sieve.regimes.RegimeView;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sieve regimes [ID] [--as-of DATE]}: the sanctions regimes, their measures and where each stood on a day. */
@Command(name = "regimes", mixinStandardHelpOptions = true,
        description = "List the sanctions regimes Sieve knows with their measures and each measure's status on a day"
                + " (today unless --as-of); with an ID, that regime's acts and the history of each measure.")
final class RegimesCommand extends CliCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "ID", description = "A regime, e.g. un-1718, us-ofac-sdgt, uk-russia.")
    String id;

    @Option(names = "--as-of", paramLabel = "DATE", description = "YYYY-MM-DD: the measures' status on that day.")
    String asOf;

    @Override
    public Integer call() {
        LocalDate day = day();
        RegimeCatalogue catalogue = RegimeCatalogue.standard();
        PrintWriter out = out();
        if (id != null) {
            Regime r = catalogue.regime(id).orElseThrow(() -> new UserException("no regime '" + id + "' (see `sieve regimes`)"));
            if (json) {
                Output.json(out, RegimeView.of(r, day, true));
                return 0;
            }
            out.printf("%s  %s  (%s)%n", r.id(), r.title(), r.authority());
            for (Act a : r.acts()) out.printf("  act  %s  %s%s%n", a.date() == null ? "(date not recorded)" : a.date(), a.id(),
                    a.title() == null || a.title().equals(a.id()) ? "" : ": " + a.title());
            for (Measure m : r.measures()) {
                out.printf("  %s: %s on %s%n", m.type().label(), RegimeView.status(m, day), day);
                for (Change c : m.timeline()) {
                    out.printf("    %s  %s  %s%s%n", c.date() == null ? "(date not recorded)" : c.date(), c.status().label(), c.act(),
                            c.note() == null ? "" : " (" + c.note() + ")");
                }
            }
            return 0;
        }
        List<Object> all = new ArrayList<>();
        for (Regime r : catalogue.regimes()) all.add(RegimeView.of(r, day, false));
        if (json) {
            Output.json(out, Map.of("as_of", day.toString(), "regimes", all));
            return 0;
        }
        out.printf("%,d regimes; measures as of %s%n", all.size(), day);
        for (Regime r : catalogue.regimes()) {
            List<String> measures = new ArrayList<>();
            for (Measure m : r.measures()) measures.add(m.type().label() + " " + RegimeView.status(m, day));
            terminal().printf(out, 4, "%-32s %s%n    %s%n", r.id(), r.title(), String.join(", ", measures));
        }
        return 0;
    }

    private LocalDate day() {
        return Dates.dayOrToday(asOf, "--as-of");
    }
}
