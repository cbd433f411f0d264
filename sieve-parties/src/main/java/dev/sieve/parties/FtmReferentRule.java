package dev.sieve.parties;

import dev.sieve.model.Entity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * FollowTheMoney data names the other records of the same party ({@code referents}): OFAC's
 * ({@code ofac-306}), the UK's ({@code gb-hmt-7612}) and other FtM records; two FtM datasets holding
 * the same canonical id hold the same party.
 */
public final class FtmReferentRule implements LinkRule {
    public static final String NAME = "ftm-referent";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void propose(Listings listings, Consumer<Candidate> out) {
        Map<String, List<Entity>> ftmByRawId = new HashMap<>();
        for (Entity e : listings.all()) {
            if (!e.source().startsWith("ftm:")) continue;
            ftmByRawId.computeIfAbsent(e.id().substring(e.id().indexOf(':') + 1), k -> new ArrayList<>()).add(e);
        }
        for (List<Entity> same : ftmByRawId.values()) {
            for (int i = 1; i < same.size(); i++) {
                out.accept(new Candidate(same.get(i).id(), same.getFirst().id(), NAME, "the same FtM id in two datasets"));
            }
        }
        for (Entity e : listings.all()) {
            for (String referent : e.referents()) {
                for (String target : targets(referent, ftmByRawId)) {
                    if (target.equals(e.id()) || listings.get(target) == null) continue;
                    out.accept(new Candidate(e.id(), target, NAME, e.id() + " names " + referent + " as the same party"));
                }
            }
        }
    }

    private static List<String> targets(String referent, Map<String, List<Entity>> ftmByRawId) {
        List<String> out = new ArrayList<>();
        if (referent.startsWith("ofac-") && referent.substring(5).chars().allMatch(Character::isDigit)
                && referent.length() > 5) {
            out.add("us-ofac:" + referent.substring(5));
            out.add("us-ofac-cons:" + referent.substring(5));
        } else if (referent.startsWith("gb-hmt-") && referent.substring(7).chars().allMatch(Character::isDigit)
                && referent.length() > 7) {
            out.add("uk:" + referent.substring(7));
        }
        for (Entity e : ftmByRawId.getOrDefault(referent, List.of())) out.add(e.id());
        return out;
    }
}
