package dev.sieve.cli;

import dev.sieve.model.Address;
import dev.sieve.model.Entity;
import dev.sieve.model.Identifier;
import dev.sieve.model.Name;
import dev.sieve.model.StoredEntity;
import dev.sieve.model.Topics;
import dev.sieve.parties.Parties;
import dev.sieve.store.SieveStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sieve entity ID}: one entity as last listed, with its history. */
@Command(name = "entity", mixinStandardHelpOptions = true,
        description = "Show one entity (e.g. un:KPi.033, us-ofac:306) as last listed, with first/last seen and delisting.")
final class EntityCommand extends CliCommand implements Callable<Integer> {
    @ParentCommand
    SieveCommand root;

    @Parameters(paramLabel = "ID")
    String id;

    @picocli.CommandLine.Option(names = "--on", paramLabel = "DATE",
            description = "YYYY-MM-DD: whether the list in force that day listed it, its regimes and the measures that bound it then.")
    String on;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = out();
        try (SieveStore store = Databank.open(root)) {
            StoredEntity s = store.entity(id).orElseThrow(() -> new UserException("no entity '" + id + "' in the databank"));
            if (json) {
                Output.json(out, s);
                return 0;
            }
            Entity e = s.entity();
            terminal().printf(out, 2, "%s  %s  (%s, %s)%n", e.id(), e.primaryName().value(), e.schema(), e.source());
            out.printf("listed for: %s%n", String.join(", ", Topics.of(e).stream().map(Topics::label).toList()));
            terminal().printf(out, 8, "status: %s; first seen in publication %d (%s), last seen in %d (%s)%n",
                    s.delisted() ? terminal().paint("DELISTED", Terminal.Tone.WARN) : "listed", s.firstSeen().id(), Output.when(s.firstSeen().effectiveAt()),
                    s.lastSeen().id(), Output.when(s.lastSeen().effectiveAt()));
            for (Name n : e.aliases()) {
                terminal().printf(out, 11, "  %-8s %s%s%s%n", n.kind().name().toLowerCase(), n.value(), n.weak() ? "  (weak)" : "",
                        n.originalScript() ? "  (original script)" : "");
            }
            line(out, "gender", e.gender() == null ? null : e.gender().name().toLowerCase());
            line(out, "born", e.birthDates().stream().map(Object::toString).collect(Collectors.joining("; ")));
            line(out, "birthplace", String.join("; ", e.birthPlaces()));
            line(out, "nationality", String.join(", ", e.nationalities()));
            line(out, "citizenship", String.join(", ", e.citizenships()));
            for (Identifier i : e.identifiers()) {
                line(out, "id", i.type() + " " + i.number() + (i.country() != null ? " (" + i.country() + ")" : "")
                        + (i.label().equals(i.type().name()) ? "" : "  [" + i.label() + "]"));
            }
            for (Address a : e.addresses()) {
                line(out, "address", String.join(", ", java.util.stream.Stream.of(a.street(), a.city(), a.region(),
                        a.postalCode(), a.countryName() != null ? a.countryName() : a.country())
                        .filter(x -> x != null).toList()));
            }
            line(out, "programmes", String.join(", ", e.programs()));
            obligations(out, store, Dates.dayOrToday(on, "--on"));
            line(out, "listed on", e.listedOn() == null ? null : e.listedOn().toString());
            for (String r : e.remarks()) line(out, "remark", r);
        }
        if (!json) otherListings(out);
        return 0;
    }

    /** What bound the entity on a day: the list then in force, its regimes and their measures' status that day. */
    private void obligations(PrintWriter out, SieveStore store, java.time.LocalDate day) {
        var listed = store.entityOn(id, day);
        if (listed.isEmpty()) {
            out.printf("on %s: not listed (no publication in force that day lists it)%n", day);
            return;
        }
        var listings = dev.sieve.regimes.RegimeView.listings(listed.get().entity(), day);
        out.printf("on %s: listed by publication %d of %s%s%n", day, listed.get().publication().id(), listed.get().publication().source(),
                listings.isEmpty() ? ", under no regime of the catalogue" : "");
        for (var l : listings) {
            List<String> measures = new java.util.ArrayList<>();
            for (Object o : (List<?>) l.get("measures")) {
                var m = (java.util.Map<?, ?>) o;
                measures.add(m.get("measure") + " " + m.get("status") + (m.get("act") == null ? ""
                        : (m.get("since") == null ? "" : " since " + m.get("since")) + " (" + m.get("act") + ")"));
            }
            terminal().printf(out, 4, "  %s %s: %s%n", l.get("id"), l.get("title"), String.join("; ", measures));
        }
    }

    /** The party's other listings, from the parties of the current lists (derived on every load). */
    private void otherListings(PrintWriter out) throws java.io.IOException {
        Parties parties = Engines.load(root, List.of()).snapshot().parties();
        List<String> others = parties.listingsWith(id).stream().filter(o -> !o.equals(id)).toList();
        if (others.isEmpty()) return;
        out.printf("also listed as (one %s):%n", parties.partyOf(id));
        for (String other : others) {
            Parties.Link direct = parties.linksOf(id).stream()
                    .filter(l -> l.from().equals(other) || l.to().equals(other)).findFirst().orElse(null);
            terminal().printf(out, 25, "  %-22s %s%n", other, direct == null ? "(through another listing of the party)"
                    : direct.rule() + ": " + direct.evidence() + "; " + direct.agreement());
        }
    }

    private void line(PrintWriter out, String label, String value) {
        if (value != null && !value.isBlank()) terminal().printf(out, 15, "  %-12s %s%n", label + ":", value);
    }
}
