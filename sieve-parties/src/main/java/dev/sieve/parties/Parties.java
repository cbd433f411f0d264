package dev.sieve.parties;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parties of a set of listings: which listings are provably one party, and every link that made it
 * so with its reason. Derived from the lists and rebuilt whenever they change, never written into them;
 * a party's id names its first listing (UN first, then OFAC, EU, UK, others) and may change with the lists.
 */
public final class Parties {
    /** A link the guard accepted: the rule, what the rule saw and what else agreed. */
    public record Link(String from, String to, String rule, String evidence, String agreement) {
    }

    /** A link a rule proposed and the guard refused. */
    public record Refused(String from, String to, String rule, String evidence, String refusal) {
    }

    /** How many links a rule proposed, made and had refused. */
    public record RuleCount(String rule, int proposed, int linked, int refused) {
    }

    private static final Parties NONE = new Parties(Map.of(), Map.of(), List.of(), List.of(), List.of());

    private final Map<String, String> partyOfListing;
    private final Map<String, List<String>> listingsOfParty;
    private final List<Link> links;
    private final List<Refused> refused;
    private final List<RuleCount> counts;

    Parties(Map<String, String> partyOfListing, Map<String, List<String>> listingsOfParty, List<Link> links,
            List<Refused> refused, List<RuleCount> counts) {
        this.partyOfListing = partyOfListing;
        this.listingsOfParty = listingsOfParty;
        this.links = links;
        this.refused = refused;
        this.counts = counts;
    }

    public static Parties none() {
        return NONE;
    }

    /** The party a listing belongs to: its party's id, or {@code party:<id>} of itself when linked to none. */
    public String partyOf(String listingId) {
        return partyOfListing.getOrDefault(listingId, "party:" + listingId);
    }

    /** Every listing of the listing's party, itself included, in party order. */
    public List<String> listingsWith(String listingId) {
        String party = partyOfListing.get(listingId);
        return party == null ? List.of(listingId) : listingsOfParty.get(party);
    }

    /** The links that join this listing to others. */
    public List<Link> linksOf(String listingId) {
        return links.stream().filter(l -> l.from().equals(listingId) || l.to().equals(listingId)).toList();
    }

    /** How many parties these listings are. */
    public int partyCount(Collection<String> listingIds) {
        Set<String> ps = new HashSet<>();
        for (String id : listingIds) ps.add(partyOf(id));
        return ps.size();
    }

    /** Parties of more than one listing. */
    public int linkedPartyCount() {
        return listingsOfParty.size();
    }

    /** Listings that belong to a party of more than one listing. */
    public int linkedListingCount() {
        return partyOfListing.size();
    }

    public List<Link> links() {
        return links;
    }

    public List<Refused> refused() {
        return refused;
    }

    public List<RuleCount> counts() {
        return counts;
    }

    /** "12 parties (19 listings)", or "3 listings" when no two are one party. */
    public String describe(Collection<String> listingIds) {
        int parties = partyCount(listingIds);
        int n = listingIds.size();
        if (parties == n) return n + (n == 1 ? " listing" : " listings");
        return parties + (parties == 1 ? " party" : " parties") + " (" + n + " listings)";
    }
}
