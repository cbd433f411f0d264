package dev.sieve.parties;

import dev.sieve.model.Entity;
import java.util.function.Consumer;

/** The UK and EU lists cite the UN reference of what they take over from the UN: link to that UN entry. */
public final class UnReferenceRule implements LinkRule {
    public static final String NAME = "un-reference";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void propose(Listings listings, Consumer<Candidate> out) {
        for (Entity e : listings.all()) {
            if (e.source().equals("un")) continue;
            for (String remark : e.remarks()) {
                for (String ref : UnReference.citedIn(remark)) {
                    Entity un = listings.get("un:" + ref);
                    if (un != null) out.accept(new Candidate(e.id(), un.id(), NAME, e.id() + " cites UN reference " + ref));
                }
            }
        }
    }
}
