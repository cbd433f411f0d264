package dev.sieve.match.score;

import dev.sieve.match.analysis.EditDistance;
import dev.sieve.match.analysis.NameForm;
import dev.sieve.match.analysis.Token;
import dev.sieve.model.Explanation.How;
import dev.sieve.model.Explanation.PartMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores one query name form against one listed name form: an order-free alignment of their parts
 * (greedy on similarity; adjacent parts may also align joined, "jong un" with "jongun", "bin laden"
 * with "binladen"), then coverage on both sides weighted by how rare each part is. The query side
 * weighs more than the listed side: a list alias may be longer than the query, but a query part the
 * list does not have is evidence of another person.
 */
public final class NameScorer {
    private static final double QUERY_EXPONENT = 0.65;
    /** Leftover parts this alike (edit similarity) still earn part of their weight: heavy typos. */
    private static final double LEFTOVER_MIN = 0.55;
    private static final double LEFTOVER_CREDIT = 0.9;
    private static final double INITIAL_CREDIT = 0.6;
    /** A given name aligned with the other name's father's name ("Salman bin Muhammad" / "Muhammad bin Salman"). */
    private static final double LINEAGE_SWAP = 0.7;

    private NameScorer() {
    }

    /** Weight of a name part: rare parts weigh more than "Muhammad", "Ali", "Company". */
    public interface Weights {
        double of(Token token);
    }

    /**
     * The score of one alignment; its explanation (aligned parts, unmatched parts) is built only when
     * asked for, since most scored candidates are never shown.
     *
     * <p>{@code numberConflict}: both names hold numbers and they disagree ("SEA PONY 1" / "SEA PONY 2").
     */
    public static final class Scored {
        static final Scored ZERO = new Scored(0, false, List.of(), List.of(), List.of(), null, null);

        private final double score;
        private final boolean numberConflict;
        private final List<Token> q;
        private final List<Token> c;
        private final List<Pair> assigned;
        private final boolean[] usedQ;
        private final boolean[] usedC;
        private List<PartMatch> parts;

        Scored(double score, boolean numberConflict, List<Token> q, List<Token> c, List<Pair> assigned,
               boolean[] usedQ, boolean[] usedC) {
            this.score = score;
            this.numberConflict = numberConflict;
            this.q = q;
            this.c = c;
            this.assigned = assigned;
            this.usedQ = usedQ;
            this.usedC = usedC;
        }

        static Scored whole(double score, PartMatch part) {
            Scored s = new Scored(score, false, List.of(), List.of(), List.of(), null, null);
            s.parts = List.of(part);
            return s;
        }

        public double score() {
            return score;
        }

        public boolean numberConflict() {
            return numberConflict;
        }

        public List<PartMatch> parts() {
            if (parts == null) {
                List<PartMatch> out = new ArrayList<>(assigned.size());
                for (Pair p : assigned) out.add(new PartMatch(text(q, p.q1, p.q2), text(c, p.c1, p.c2), p.how, round(p.sim)));
                parts = out;
            }
            return parts;
        }

        public List<String> unmatchedQuery() {
            return unmatched(q, usedQ);
        }

        public List<String> unmatchedListed() {
            return unmatched(c, usedC);
        }

        private static List<String> unmatched(List<Token> tokens, boolean[] used) {
            if (used == null) return List.of();
            List<String> out = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) if (!used[i]) out.add(tokens.get(i).text());
            return out;
        }
    }

    private record Pair(int q1, int q2, int c1, int c2, double sim, How how) {
    }

    /**
     * @param listedIds vocabulary ids of the listed parts, for memoising part comparisons across the
     *                  candidates of one query (null: no memo)
     * @param listedWeights precomputed weights of the listed parts (null: ask {@code weights})
     * @param memo per-query memo of part comparisons (null: none)
     * @param queryForm which form of the query this is, so that one memo serves all of them
     * @param codes whether the names may be codes compared whole (aircraft registrations, vessel and
     *              company names; never persons: "Kim Jong Un" and "Kim Jong Hun" differ by one letter)
     */
    public static Scored score(NameForm query, NameForm listed, Weights weights, int[] listedIds,
                               double[] listedWeights, PartMemo memo, int queryForm, boolean codes) {
        List<Token> q = query.tokens();
        List<Token> c = listed.tokens();
        if (q.isEmpty() || c.isEmpty()) return Scored.ZERO;
        double[] cw = listedWeights;
        if (cw == null) {
            cw = new double[c.size()];
            for (int j = 0; j < cw.length; j++) cw[j] = weights.of(c.get(j));
        }
        boolean qa = query.fromAbjad();
        boolean la = listed.fromAbjad();
        // Syllabic scripts (and their romanisations): one sign or letter more or less is another name.
        boolean typos = !query.origin().isSyllabic() && !listed.origin().isSyllabic();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < q.size(); i++) {
            for (int j = 0; j < c.size(); j++) {
                TokenSimilarity.Result r;
                if (memo != null && listedIds != null) {
                    long key = PartMemo.key(queryForm, i, listedIds[j]);
                    r = memo.get(key);
                    if (r == null) {
                        r = TokenSimilarity.compare(q.get(i), c.get(j), qa, la, typos);
                        memo.put(key, r);
                    }
                } else {
                    r = TokenSimilarity.compare(q.get(i), c.get(j), qa, la, typos);
                }
                if (r.how() != null && r.similarity() >= TokenSimilarity.MIN) {
                    pairs.add(new Pair(i, -1, j, -1, r.similarity(), r.how()));
                }
            }
        }
        boolean[] usedQ = new boolean[q.size()];
        boolean[] usedC = new boolean[c.size()];
        // Parts with no single counterpart at all may be written together on one side and apart on the other.
        boolean[] loneQ = new boolean[q.size()];
        boolean[] loneC = new boolean[c.size()];
        java.util.Arrays.fill(loneQ, true);
        java.util.Arrays.fill(loneC, true);
        for (Pair p : pairs) {
            if (p.how == How.INITIAL) continue; // an initial is too weak a counterpart to rule out a join
            loneQ[p.q1] = false;
            loneC[p.c1] = false;
        }
        List<Pair> assigned = new ArrayList<>(Math.min(q.size(), c.size()) + 2);
        double[] acc = new double[2]; // matched, query matched weight
        assign(pairs, usedQ, usedC, cw, assigned, acc, codes);
        if (hasTrue(loneQ) && hasTrue(loneC)) {
            List<Pair> joinedPairs = new ArrayList<>();
            joined(q, c, qa, la, loneQ, loneC, joinedPairs, false);
            joined(c, q, la, qa, loneC, loneQ, joinedPairs, true);
            if (!joinedPairs.isEmpty()) assign(joinedPairs, usedQ, usedC, cw, assigned, acc, codes);
        }
        if (assigned.isEmpty()) return Scored.ZERO;
        double matched = acc[0];
        double queryMatchedWeight = acc[1];
        // Heavily mistyped parts left over on both sides: pair them by plain edit similarity, for part credit.
        if (!qa && !la && typos) {
            for (int i = 0; i < q.size(); i++) {
                if (usedQ[i] || q.get(i).kind() != Token.Kind.WORD) continue;
                int bestJ = -1;
                double bestSim = LEFTOVER_MIN;
                for (int j = 0; j < c.size(); j++) {
                    if (usedC[j] || c.get(j).kind() != Token.Kind.WORD) continue;
                    if (q.get(i).text().charAt(0) != c.get(j).text().charAt(0)) continue;
                    if (Math.min(q.get(i).text().length(), c.get(j).text().length()) < 4) continue;
                    double sim = EditDistance.similarity(q.get(i).text(), c.get(j).text());
                    if (sim >= bestSim) {
                        bestSim = sim;
                        bestJ = j;
                    }
                }
                if (bestJ < 0) continue;
                usedQ[i] = true;
                usedC[bestJ] = true;
                double w = cw[bestJ];
                matched += bestSim * LEFTOVER_CREDIT * w;
                queryMatchedWeight += w;
                assigned.add(new Pair(i, -1, bestJ, -1, bestSim * LEFTOVER_CREDIT, How.EDIT_DISTANCE));
            }
        }
        double queryTotal = queryMatchedWeight;
        boolean numberConflict = false;
        for (int i = 0; i < q.size(); i++) {
            if (!usedQ[i]) {
                queryTotal += weights.of(q.get(i));
                if (q.get(i).kind() == Token.Kind.NUMBER) numberConflict = true;
            }
        }
        double listedTotal = 0;
        for (int j = 0; j < c.size(); j++) {
            listedTotal += cw[j];
            if (!usedC[j] && c.get(j).kind() == Token.Kind.NUMBER) numberConflict = true;
        }
        double queryCoverage = Math.min(1, matched / queryTotal);
        double listedCoverage = Math.min(1, matched / listedTotal);
        double score = Math.pow(queryCoverage, QUERY_EXPONENT) * Math.pow(listedCoverage, 1 - QUERY_EXPONENT);
        score *= substitutionFactor(q, c, usedQ, usedC) * lineageFactor(q, c, assigned);
        Scored aligned = new Scored(score, numberConflict, q, c, assigned, usedQ, usedC);
        if (codes && typos && score < 0.95) {
            Scored whole = wholeName(q, c);
            if (whole != null && whole.score() > aligned.score()) return whole;
        }
        return aligned;
    }

    /**
     * Greedy: the most similar pairs first, each part used once. In the names of organisations, vessels
     * and aircraft a lone letter is not an initial of a word ("Bank A" is not "Ansar Bank").
     */
    private static void assign(List<Pair> pairs, boolean[] usedQ, boolean[] usedC, double[] cw, List<Pair> assigned,
                               double[] acc, boolean notPerson) {
        if (pairs.size() > 1) {
            pairs.sort((a, b) -> Double.compare(b.sim, a.sim));
        }
        for (Pair p : pairs) {
            if (notPerson && p.how == How.INITIAL) continue;
            if (usedQ[p.q1] || p.q2 >= 0 && usedQ[p.q2] || usedC[p.c1] || p.c2 >= 0 && usedC[p.c2]) continue;
            usedQ[p.q1] = true;
            if (p.q2 >= 0) usedQ[p.q2] = true;
            usedC[p.c1] = true;
            if (p.c2 >= 0) usedC[p.c2] = true;
            double w = cw[p.c1] + (p.c2 >= 0 ? cw[p.c2] : 0);
            double credit = p.how == How.INITIAL ? INITIAL_CREDIT : 1.0;
            acc[0] += p.sim * w * credit;
            acc[1] += w * credit;
            assigned.add(p);
        }
    }

    /**
     * A part on each side with no counterpart is a different name in that place, not a part left out:
     * "TAHIR JALIL HABBUSH AL-DULAIMI" is not "TAHIR JALIL HABBUSH AL-TIKRITI", and a listed given name
     * with another family name is another person. Rarity weights would let a long name hide the swap, so
     * the penalty counts parts: 1 - (swapped parts / parts of the longer name). Leftovers one edit apart
     * ("abd" / "atd") are typos of short parts, not swaps; omissions on one side alone are not penalised.
     */
    private static double substitutionFactor(List<Token> q, List<Token> c, boolean[] usedQ, boolean[] usedC) {
        int swappedQ = 0;
        boolean[] typoC = null;
        for (int i = 0; i < q.size(); i++) {
            if (usedQ[i] || q.get(i).kind() != Token.Kind.WORD) continue;
            int typoOf = -1;
            for (int j = 0; j < c.size() && typoOf < 0; j++) {
                if (usedC[j] || typoC != null && typoC[j] || c.get(j).kind() != Token.Kind.WORD) continue;
                if (EditDistance.within(q.get(i).text(), c.get(j).text(), 1) >= 0) typoOf = j;
            }
            if (typoOf >= 0) {
                if (typoC == null) typoC = new boolean[c.size()];
                typoC[typoOf] = true;
            } else {
                swappedQ++;
            }
        }
        if (swappedQ == 0) return 1;
        int swappedC = 0;
        for (int j = 0; j < c.size(); j++) {
            if (!usedC[j] && (typoC == null || !typoC[j]) && c.get(j).kind() == Token.Kind.WORD) swappedC++;
        }
        return 1 - Math.min(swappedQ, swappedC) / (double) Math.max(q.size(), c.size());
    }

    /**
     * In "X bin Y" Y is the father's name: a part that is the given name on one side ("Salman bin Muhammad")
     * and the father's name on the other ("Muhammad bin Salman") points to father and son, not one person.
     * Parts between two particles ("ben Khalifa ben") are both and decide nothing; names moved as a whole
     * keep their chains, so reordering alone does not trigger this.
     */
    private static double lineageFactor(List<Token> q, List<Token> c, List<Pair> assigned) {
        for (Pair p : assigned) {
            if (p.q2 >= 0 || p.c2 >= 0) continue;
            int rq = lineageRole(q, p.q1);
            int rc = lineageRole(c, p.c1);
            if (rq != 0 && rc != 0 && rq != rc && !holdsInRole(c, q.get(p.q1), rq)) return LINEAGE_SWAP;
        }
        return 1;
    }

    /** Whether the name also holds a like part in that role ("Muhammad bin Muhammad" pairs either way). */
    private static boolean holdsInRole(List<Token> tokens, Token part, int role) {
        for (int k = 0; k < tokens.size(); k++) {
            if (lineageRole(tokens, k) == role && TokenSimilarity.compare(part, tokens.get(k), false, false).how() != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * 1: just before "bin" (own name), 2: just after it (father's name), 0: neither or both. A "bin" that
     * opens or closes the name is no link between two names (the Chinese given name Bin: "XU Bin").
     */
    private static int lineageRole(List<Token> tokens, int i) {
        boolean before = i + 2 < tokens.size() && isLineageParticle(tokens.get(i + 1));
        boolean after = i > 1 && isLineageParticle(tokens.get(i - 1));
        return before == after ? 0 : before ? 1 : 2;
    }

    private static boolean isLineageParticle(Token t) {
        if (t.kind() != Token.Kind.PARTICLE) return false;
        String k = t.canonical();
        return k.equals("bin") || k.equals("bint") || k.equals("ould") || k.equals("wuld");
    }

    private static boolean hasTrue(boolean[] a) {
        for (boolean b : a) if (b) return true;
        return false;
    }

    /**
     * Short codes written as names (aircraft registrations "EP-VIP", vessel names) compared whole, with
     * their separators gone: one typo in "EP-VsP" is one typo, not a wrong part.
     */
    private static Scored wholeName(List<Token> q, List<Token> c) {
        if (c.size() > 3 || q.size() > 3) return null;
        for (Token t : q) if (t.kind() == Token.Kind.NUMBER) return null; // numbers compare part by part
        for (Token t : c) if (t.kind() == Token.Kind.NUMBER) return null;
        String a = joinedText(q);
        String b = joinedText(c);
        int longest = Math.max(a.length(), b.length());
        if (longest < 5 || longest > 10) return null;
        int d = EditDistance.within(a, b, longest >= 10 ? 2 : 1);
        if (d <= 0) return null;
        double sim = d == 1 ? Math.max(0.85, 1.0 - 1.0 / longest) : 1.0 - 2.0 / longest;
        return Scored.whole(sim, new PartMatch(a, b, How.EDIT_DISTANCE, round(sim)));
    }

    private static String joinedText(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) sb.append(t.text());
        return sb.toString();
    }

    /** Pairs of two adjacent parts of {@code a} written as one part of {@code b}. */
    private static void joined(List<Token> a, List<Token> b, boolean aAbjad, boolean bAbjad, boolean[] loneA,
                               boolean[] loneB, List<Pair> pairs, boolean listedSideJoined) {
        for (int i = 0; i + 1 < a.size(); i++) {
            if (!loneA[i] || !loneA[i + 1]) continue;
            Token x = a.get(i);
            Token y = a.get(i + 1);
            if (x.kind() == Token.Kind.NUMBER || y.kind() == Token.Kind.NUMBER
                    || x.kind() == Token.Kind.LEGAL_FORM || y.kind() == Token.Kind.LEGAL_FORM) {
                continue;
            }
            Token joinedToken = Token.of(x.text() + y.text(), Token.Kind.WORD);
            // (typos within joined parts are left to the whole-name comparison)
            for (int j = 0; j < b.size(); j++) {
                if (!loneB[j] || b.get(j).text().length() < joinedToken.text().length() - 2) continue;
                TokenSimilarity.Result r = listedSideJoined
                        ? TokenSimilarity.compare(b.get(j), joinedToken, bAbjad, aAbjad)
                        : TokenSimilarity.compare(joinedToken, b.get(j), aAbjad, bAbjad);
                if (r.how() != null && r.similarity() >= 0.85) {
                    pairs.add(listedSideJoined
                            ? new Pair(j, -1, i, i + 1, r.similarity() - 0.01, How.JOINED)
                            : new Pair(i, i + 1, j, -1, r.similarity() - 0.01, How.JOINED));
                }
            }
        }
    }

    private static String text(List<Token> tokens, int a, int b) {
        return b < 0 ? tokens.get(a).text() : tokens.get(a).text() + " " + tokens.get(b).text();
    }

    static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
