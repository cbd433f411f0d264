package dev.sieve.cli;

import dev.sieve.parties.Parties;
import dev.sieve.screening.ScreeningService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sieve parties}: how the listings of the current lists join into parties, rule by rule. */
@Command(name = "parties", mixinStandardHelpOptions = true,
        description = "Show how the current listings join into parties: per rule the links proposed, made and refused"
                + " by the guard (same type, agreeing names or birth dates); --links and --refused list them with reasons.")
final class PartiesCommand extends CliCommand implements Callable<Integer> {
    @ParentCommand
    SieveCommand root;

    @Option(names = "--lists", paramLabel = "PATH", description = "Link these list files/folders instead of the databank's lists.")
    List<Path> lists = new ArrayList<>();

    @Option(names = "--links", description = "List every link made, with its rule, evidence and agreement.")
    boolean links;

    @Option(names = "--refused", description = "List every link the guard refused, and why.")
    boolean refused;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        ScreeningService service = Engines.load(root, lists);
        Parties parties = service.snapshot().parties();
        int listings = service.snapshot().engine().entityCount();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("listings", listings);
            o.put("parties", partyCount(parties, listings));
            o.put("parties_of_several_listings", parties.linkedPartyCount());
            o.put("rules", parties.counts());
            if (links) o.put("links", parties.links());
            if (refused) o.put("refused", parties.refused());
            Output.json(out, o);
            return 0;
        }
        out.printf("%,d listings are %,d parties; %,d parties are on more than one list%n", listings,
                partyCount(parties, listings), parties.linkedPartyCount());
        out.printf("%-16s %9s %7s %8s%n", "RULE", "PROPOSED", "LINKED", "REFUSED");
        for (Parties.RuleCount c : parties.counts()) {
            out.printf("%-16s %9d %7d %8d%n", c.rule(), c.proposed(), c.linked(), c.refused());
        }
        if (links) {
            for (Parties.Link l : parties.links()) {
                terminal().printf(out, 8, "linked  %s ~ %s  %s: %s; %s%n", l.from(), l.to(), l.rule(), l.evidence(), l.agreement());
            }
        }
        if (refused) {
            for (Parties.Refused r : parties.refused()) {
                terminal().printf(out, 8, "refused %s ~ %s  %s: %s; %s%n", r.from(), r.to(), r.rule(), r.evidence(), r.refusal());
            }
        }
        return 0;
    }

    /** Each linked party stands for all its listings. */
    private static int partyCount(Parties parties, int listings) {
        return listings - parties.linkedListingCount() + parties.linkedPartyCount();
    }
}
