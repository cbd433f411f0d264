package dev.sieve.parties;

import java.util.function.Consumer;

/** One way of knowing two listings are the same party; each rule is small and tested alone. */
public interface LinkRule {
    String name();

    void propose(Listings listings, Consumer<Candidate> out);
}
