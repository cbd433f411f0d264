package dev.sieve.parties;

import dev.sieve.match.MatchEngine;
import dev.sieve.model.Entity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins listings into parties: every rule proposes links, the guard checks each, and the accepted links
 * are closed transitively (union-find). Pure and in memory, so it is rebuilt with every index.
 */
public final class PartyLinker {
    private static final List<String> SOURCE_ORDER = List.of("un", "us-ofac-sdn", "us-ofac-cons", "eu", "uk-ofsi", "uk");

    private final List<LinkRule> rules;

    public PartyLinker(List<LinkRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules for the official lists and FollowTheMoney data. */
    public static PartyLinker standard() {
        return new PartyLinker(List.of(new UnReferenceRule(), new SharedDocumentRule(), new OfacUidRule(),
                new FtmReferentRule()));
    }

    /** Links these listings; names are compared with {@code engine} (built over the same listings). */
    public Parties link(Collection<Entity> entities, MatchEngine engine) {
        Listings listings = new Listings(entities);
        LinkGuard guard = new LinkGuard(engine);
        List<Parties.Link> links = new ArrayList<>();
        List<Parties.Refused> refused = new ArrayList<>();
        List<Parties.RuleCount> counts = new ArrayList<>();
        Set<String> seenPairs = new HashSet<>();
        Map<String, String> parent = new HashMap<>();
        for (LinkRule rule : rules) {
            int[] proposed = {0, 0, 0};
            rule.propose(listings, c -> {
                String pair = c.from().compareTo(c.to()) < 0 ? c.from() + "|" + c.to() : c.to() + "|" + c.from();
                if (!seenPairs.add(rule.name() + "|" + pair)) return;
                proposed[0]++;
                LinkGuard.Verdict v = guard.check(listings.get(c.from()), listings.get(c.to()));
                if (v.linked()) {
                    proposed[1]++;
                    links.add(new Parties.Link(c.from(), c.to(), c.rule(), c.evidence(), v.agreement()));
                    union(parent, c.from(), c.to());
                } else {
                    proposed[2]++;
                    refused.add(new Parties.Refused(c.from(), c.to(), c.rule(), c.evidence(), v.refusal()));
                }
            });
            counts.add(new Parties.RuleCount(rule.name(), proposed[0], proposed[1], proposed[2]));
        }
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (String id : parent.keySet()) members.computeIfAbsent(find(parent, id), k -> new ArrayList<>()).add(id);
        Map<String, String> partyOf = new HashMap<>();
        Map<String, List<String>> listingsOf = new LinkedHashMap<>();
        Comparator<String> order = Comparator.comparingInt((String id) -> rank(listings.get(id)))
                .thenComparing(Comparator.naturalOrder());
        for (List<String> group : members.values()) {
            group.sort(order);
            String party = "party:" + group.getFirst();
            listingsOf.put(party, List.copyOf(group));
            for (String id : group) partyOf.put(id, party);
        }
        return new Parties(Map.copyOf(partyOf), Map.copyOf(listingsOf), List.copyOf(links), List.copyOf(refused),
                List.copyOf(counts));
    }

    private static int rank(Entity e) {
        int i = SOURCE_ORDER.indexOf(e.source());
        return i >= 0 ? i : SOURCE_ORDER.size();
    }

    private static String find(Map<String, String> parent, String x) {
        String root = x;
        while (!parent.get(root).equals(root)) root = parent.get(root);
        while (!parent.get(x).equals(root)) {
            String next = parent.get(x);
            parent.put(x, root);
            x = next;
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) parent.put(ra, rb);
    }
}
