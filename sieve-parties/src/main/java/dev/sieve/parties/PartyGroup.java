package dev.sieve.parties;

import dev.sieve.model.Match;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of one party: its listings that alerted, best first, each with its own score and list,
 * and the party's other listings that did not alert (so the analyst sees every list it is on).
 */
public record PartyGroup(String party, double score, List<Match> listings, List<String> otherListings) {
    public PartyGroup {
        listings = List.copyOf(listings);
        otherListings = List.copyOf(otherListings);
    }

    /** Groups matches (best first) by party; groups keep the order of their best match. */
    public static List<PartyGroup> of(List<Match> matches, Parties parties) {
        Map<String, List<Match>> byParty = new LinkedHashMap<>();
        for (Match m : matches) byParty.computeIfAbsent(parties.partyOf(m.id()), k -> new ArrayList<>()).add(m);
        List<PartyGroup> out = new ArrayList<>(byParty.size());
        byParty.forEach((party, ms) -> {
            List<String> others = new ArrayList<>(parties.listingsWith(ms.getFirst().id()));
            for (Match m : ms) others.remove(m.id());
            out.add(new PartyGroup(party, ms.getFirst().score(), ms, others));
        });
        return out;
    }
}
