package dev.sieve.parties;

import dev.sieve.match.MatchEngine;
import dev.sieve.model.BirthDate;
import dev.sieve.model.Entity;
import dev.sieve.model.Match;
import dev.sieve.model.Name;
import dev.sieve.model.PartialDate;
import java.util.List;

/**
 * What a proposed link must also satisfy, because every rule can be fed a wrong number (a UK row citing
 * another person's UN reference): the two listings are the same kind of party, and their full birth dates
 * agree, or their names agree (at the alert threshold), or they give the same birth year and their names
 * agree in part ("QADHAFI, Ayesha" / "Aisha Muammar ... QADHAFI", both 1978). A wrong link is worse than a
 * missing one.
 */
public final class LinkGuard {
    /** The guard's answer: {@code agreement} says what agreed, {@code refusal} why the link was refused. */
    public record Verdict(String agreement, String refusal) {
        public boolean linked() {
            return agreement != null;
        }
    }

    private static final int MOST_NAMES = 40;
    private static final double PART_OF_NAME = 0.6;
    private final MatchEngine engine;
    private final double threshold;

    /** Names are compared with this engine's analysis and rarity weights, at its alert threshold. */
    public LinkGuard(MatchEngine engine) {
        this.engine = engine;
        this.threshold = engine.defaultThreshold();
    }

    public Verdict check(Entity a, Entity b) {
        if (a.schema() != b.schema()) {
            return new Verdict(null, "one is " + a.schema().label() + ", the other " + b.schema().label());
        }
        String born = sameBirthDate(a, b);
        if (born != null) return new Verdict("both born " + born, null);
        Integer year = sameBirthYear(a, b);
        String names = agreeingNames(a, b, threshold);
        if (names != null) return new Verdict(names, null);
        if (year != null) {
            String partly = agreeingNames(a, b, PART_OF_NAME);
            if (partly != null) return new Verdict("both born in " + year + ", " + partly, null);
        }
        return new Verdict(null, "neither names nor birth dates agree");
    }

    private static Integer sameBirthYear(Entity a, Entity b) {
        for (BirthDate x : a.birthDates()) {
            if (x.isRange()) continue;
            for (BirthDate y : b.birthDates()) {
                if (!y.isRange() && x.date().year() == y.date().year()) return x.date().year();
            }
        }
        return null;
    }

    private static String sameBirthDate(Entity a, Entity b) {
        for (BirthDate x : a.birthDates()) {
            if (!full(x)) continue;
            for (BirthDate y : b.birthDates()) {
                if (full(y) && x.date().equals(y.date())) return x.date().toString();
            }
        }
        return null;
    }

    private static boolean full(BirthDate d) {
        return !d.isRange() && !d.circa() && d.date().precision() == PartialDate.Precision.DAY;
    }

    private String agreeingNames(Entity a, Entity b, double bar) {
        List<Name> as = a.names().subList(0, Math.min(MOST_NAMES, a.names().size()));
        List<Name> bs = b.names().subList(0, Math.min(MOST_NAMES, b.names().size()));
        for (Name x : as) {
            if (x.weak()) continue;
            for (Name y : bs) {
                if (y.weak()) continue;
                Match m = engine.compare(x.value(), y.value(), a.schema());
                if (m.score() >= bar) {
                    return String.format(java.util.Locale.ROOT, "names agree%s: \"%s\" ~ \"%s\" (%.2f)",
                            bar < threshold ? " in part" : "", x.value(), y.value(), m.score());
                }
            }
        }
        return null;
    }
}
