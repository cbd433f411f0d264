package dev.sieve.match.index;

import dev.sieve.match.analysis.Token;
import dev.sieve.match.score.NameScorer;
import java.util.Map;

/**
 * Rarity weights from the indexed names: ln(1 + N / (df + 1)) over the canonical parts, so "muhammad",
 * "ali" or "trading" weigh less than a rare family name; legal forms and particles weigh little,
 * initials less than names.
 */
public final class TokenWeights implements NameScorer.Weights {
    private final Map<String, Integer> df;
    private final int forms;

    public TokenWeights(Map<String, Integer> df, int forms) {
        this.df = df;
        this.forms = Math.max(forms, 1);
    }

    @Override
    public double of(Token t) {
        return switch (t.kind()) {
            case LEGAL_FORM -> 0.4;
            case PARTICLE -> 0.6;
            case INITIAL -> 1.5;
            case NUMBER -> 4.0;
            case WORD -> idf(t.canonical());
        };
    }

    public double idf(String canonical) {
        int n = df.getOrDefault(canonical, 0);
        return Math.log(1 + forms / (n + 1.0));
    }
}
