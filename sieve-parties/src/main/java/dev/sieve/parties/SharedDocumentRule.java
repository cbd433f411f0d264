package dev.sieve.parties;

import dev.sieve.match.score.Identifiers;
import dev.sieve.model.Entity;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Listings on different lists that give the same passport, national-id or IMO number. A number shared
 * by many listings is a placeholder or a shared document, not an identity, and proposes nothing; so do
 * two numbers that name different issuing countries.
 */
public final class SharedDocumentRule implements LinkRule {
    public static final String NAME = "shared-document";
    private static final Set<IdentifierType> TYPES = Set.of(IdentifierType.PASSPORT, IdentifierType.NATIONAL_ID,
            IdentifierType.IMO);
    private static final int MOST_HOLDERS = 6;

    private record Held(Entity entity, Identifier id) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void propose(Listings listings, Consumer<Candidate> out) {
        Map<String, List<Held>> byNumber = new HashMap<>();
        for (Entity e : listings.all()) {
            for (Identifier id : e.identifiers()) {
                if (!TYPES.contains(id.type())) continue;
                String key = Identifiers.key(id);
                if (key == null) continue;
                List<Held> holders = byNumber.computeIfAbsent(key, k -> new ArrayList<>(2));
                if (holders.stream().noneMatch(h -> h.entity() == e)) holders.add(new Held(e, id));
            }
        }
        for (var entry : byNumber.entrySet()) {
            List<Held> holders = entry.getValue();
            if (holders.size() < 2 || holders.size() > MOST_HOLDERS) continue;
            for (int i = 0; i < holders.size(); i++) {
                for (int j = i + 1; j < holders.size(); j++) {
                    Held a = holders.get(i);
                    Held b = holders.get(j);
                    if (a.entity().source().equals(b.entity().source())) continue;
                    String ca = a.id().country();
                    String cb = b.id().country();
                    if (ca != null && cb != null && !ca.equals(cb)) continue;
                    out.accept(new Candidate(a.entity().id(), b.entity().id(), NAME, "both give "
                            + a.id().type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
                            + a.id().number() + (ca != null ? " (" + ca + ")" : cb != null ? " (" + cb + ")" : "")));
                }
            }
        }
    }
}
