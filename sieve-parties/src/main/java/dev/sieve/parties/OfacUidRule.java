package dev.sieve.parties;

import dev.sieve.model.Entity;
import java.util.function.Consumer;

/** OFAC gives one party one uid on all its lists: the SDN listing and the consolidated (non-SDN) listing. */
public final class OfacUidRule implements LinkRule {
    public static final String NAME = "ofac-uid";
    private static final String CONSOLIDATED = "us-ofac-cons:";
    private static final String SDN = "us-ofac:";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void propose(Listings listings, Consumer<Candidate> out) {
        for (Entity e : listings.all()) {
            if (!e.id().startsWith(CONSOLIDATED)) continue;
            String uid = e.id().substring(CONSOLIDATED.length());
            Entity sdn = listings.get(SDN + uid);
            if (sdn != null) out.accept(new Candidate(e.id(), sdn.id(), NAME, "OFAC uid " + uid + " on both lists"));
        }
    }
}
