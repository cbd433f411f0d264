package dev.sieve.match.score;

import dev.sieve.match.analysis.EditDistance;
import dev.sieve.match.analysis.NameForm;
import dev.sieve.match.analysis.NameVariants;
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
    /**
     * Both names carry a legal form and no form is shared (Deutsche Bank AG / Deutsche Bank GmbH): most
     * often another company of the group. A mild penalty only, since lists and customers also write one
     * company's form differently (spellings of one form are already folded to one).
     */
    private static final double OTHER_LEGAL_FORM = 0.9;
    /**
     * A person queried by one name alone ("Shamsuddin") against a listed name of three parts or more is
     * weak evidence: many people share one of its names. (One-part aliases are listed as such and match whole.)
     */
    private static final double ONE_NAME_ALONE = 0.9;

    private static int nameParts(List<Token> tokens) {
        int n = 0;
        for (Token t : tokens) if (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.INITIAL) n++;
        return n;
    }

    /** The parts that open a father's or forefather's name in a long Arab name (a short form leaves them out). */
    private static final java.util.Set<String> SHORT_FORM_LINEAGE = java.util.Set.of("bin", "ibn", "ben", "bint", "abu", "abou", "ould");

    /** An Arabic lineage ("bin", "ibn", "abu", "ould") among the listed parts the query left out. */
    private static boolean lineageBetween(List<Token> c, boolean[] usedC) {
        for (int j = 1; j < c.size() - 1; j++) {
            if (!usedC[j] && SHORT_FORM_LINEAGE.contains(c.get(j).text())) return true;
        }
        return false;
    }

    /**
     * An Arab family name with its article ("al Habbo") after given names the query leaves out: those are the father's
     * and forefathers' names, as after a "bin". Only where every part found is found closely (not a reading of
     * another script, which is looser: Persian names read from their script met such names all the time).
     */
    private static boolean articledFamilyName(List<Token> c, boolean[] usedC, List<Pair> assigned) {
        if (c.size() < 4) return false;
        String beforeLast = c.get(c.size() - 2).text();
        if (!beforeLast.equals("al") && !beforeLast.equals("el") || usedC[c.size() - 3]) return false;
        for (Pair p : assigned) if (p.sim() < CLOSE_MATCH) return false;
        return true;
    }

    /**
     * Every part of the name found; an article or other particle the other name leaves out ("Aisha al-Qadhafi" /
     * QADHAFI) only when every part found is found closely (not a reading of another script, which is looser).
     */
    private static boolean allNamePartsUsed(List<Token> q, boolean[] usedQ, List<Pair> assigned) {
        boolean particleLeft = false;
        for (int i = 0; i < q.size(); i++) {
            if (usedQ[i]) continue;
            if (q.get(i).kind() != Token.Kind.PARTICLE) return false;
            particleLeft = true;
        }
        if (particleLeft) {
            for (Pair p : assigned) if (p.sim() < CLOSE_MATCH) return false;
        }
        return true;
    }

    /** An Arabic article ("al", "el", "ul": one canonical form), which one list writes and another leaves out. */
    public static boolean isArticle(Token t) {
        return t.kind() == Token.Kind.PARTICLE && t.canonical().equals("al");
    }

    /**
     * Whether listed part {@code j} is the article of a listed name that is an articled family name alone, which the
     * query finds closely without it: "Al Dabbashi" is Dabbashi as another list writes him, so the article is no part
     * the query lacks. Only so: within a longer name the article marks the family name ("Abdullah M. Al-Issa"), which
     * the given name Isa is not.
     */
    private static boolean articleOfFoundPart(List<Token> c, int j, boolean[] usedC, List<Pair> assigned) {
        if (c.size() != 2 || j != 0 || !isArticle(c.get(0)) || !usedC[1] || c.get(1).kind() != Token.Kind.WORD) return false;
        for (Pair p : assigned) {
            if ((p.c1 == 1 || p.c2 == 1) && p.sim() >= CLOSE_MATCH) return true;
        }
        return false;
    }

    /** How alike two parts are when one is the other's spelling, not merely its reading (transliteration gives 0.85). */
    public static final double CLOSE_MATCH = 0.9;

    private static boolean legalFormsDiffer(List<Token> q, List<Token> c) {
        boolean qForm = false;
        boolean cForm = false;
        for (Token a : q) {
            if (a.kind() != Token.Kind.LEGAL_FORM) continue;
            qForm = true;
            for (Token b : c) if (b.kind() == Token.Kind.LEGAL_FORM && b.text().equals(a.text())) return false;
        }
        for (Token b : c) cForm |= b.kind() == Token.Kind.LEGAL_FORM;
        return qForm && cForm;
    }
    /**
     * Leftover parts this alike (plain edit similarity) still earn this share of their weight: heavy typos.
     * Public for the candidate bound, which credits them the same way.
     */
    public static final double LEFTOVER_MIN = 0.55;
    public static final double LEFTOVER_CREDIT = 0.9;
    private static final double INITIAL_CREDIT = 0.6;
    private static final double PATRONYMIC_SHARE = 0.5;
    /** What the middle parts of a long listed name weigh when the query is its first and last name. */
    private static final double SHORT_FORM_SHARE = 0.2;
    public static final int MAX_JOINED = 3;
    /** How alike a run written as one part must be to the other name's part. */
    public static final double JOIN_MIN = 0.85;
    private static final double ACRONYM_SIMILARITY = 0.9;
    /** A query of unknown kind spelling a listed acronym: alone it does not alert (see {@link #score}). */
    private static final double WEAK_ACRONYM = 0.7;
    /** A given name aligned with the other name's father's name ("Salman bin Muhammad" / "Muhammad bin Salman"). */
    private static final double LINEAGE_SWAP = 0.7;

    private NameScorer() {
    }

    /**
     * A factor the name score was multiplied by, and why: every penalty is shown in the explanation.
     *
     * @param effect what it took off the name score (negative)
     */
    public record Adjustment(String kind, String detail, double factor, double effect) {
    }

    private static List<Adjustment> adjust(List<Adjustment> list, String kind, String detail, double factor, double before) {
        List<Adjustment> out = list == null ? new ArrayList<>(2) : list;
        out.add(new Adjustment(kind, detail, factor, Math.round(before * (factor - 1) * 10000) / 10000.0));
        return out;
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
        private List<Adjustment> adjustments = List.of();
        /** How many of the pairs the comparison of parts aligned (the heavy typos paired from what was left follow). */
        private int compared;
        /** The coverage's terms, for {@link #withQueryCredit}. */
        private double matched;
        private double queryTotal;
        private double listedCoverage;

        /** The penalties applied to this alignment's score, in order. */
        public List<Adjustment> adjustments() {
            return adjustments;
        }

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

        /**
         * Whether every part of the listed name was found (an article aside) and some of the query's were not: the
         * listed name lies within the query (an alias "Al Dabbashi" in "Ahmed Dabbashi"; but not "Abou Souleimane",
         * father of Sulaiman, in "Sulaiman al-Khudair").
         */
        public boolean listedWithinQuery() {
            if (usedC == null || assigned.isEmpty()) return false;
            for (int j = 0; j < usedC.length; j++) if (!usedC[j] && !isArticle(c.get(j))) return false;
            for (boolean u : usedQ) if (!u) return true;
            return false;
        }

        /**
         * Whether every pair aligned is one part for one, compared closely ({@code minSimilarity} or more, not an initial
         * nor a heavy typo paired from what was left over), and one of them finds a listed part weighing
         * {@code minWeight} or more (a rare part, not a common given name or a kunya's "Abu Muhammad").
         */
        public boolean foundClosely(double[] listedWeights, double minSimilarity, double minWeight) {
            boolean rare = false;
            for (int k = 0; k < assigned.size(); k++) {
                Pair p = assigned.get(k);
                // one part for one, compared as such (not a heavy typo paired from what was left over)
                if (k >= compared || p.q2 >= 0 || p.c2 >= 0 || p.sim < minSimilarity || p.how == How.INITIAL) return false;
                for (int j = p.c1; j <= p.cEnd(); j++) rare |= listedWeights[j] >= minWeight;
            }
            return rare;
        }

        /** Whether the query's part at {@code i} was left unmatched (false for a name compared whole). */
        public boolean queryPartLeft(int i) {
            return usedQ != null && !usedQ[i];
        }

        /**
         * The score this alignment would have with {@code credit} more query weight matched, every penalty kept: the
         * query's left-over parts found elsewhere (in the listed entity's other names).
         */
        public double withQueryCredit(double credit) {
            if (queryTotal <= 0) return score;
            double queryCoverage = Math.min(1, (matched + credit) / queryTotal);
            double score = Math.pow(queryCoverage, QUERY_EXPONENT) * Math.pow(listedCoverage, 1 - QUERY_EXPONENT);
            for (Adjustment a : adjustments) score *= a.factor();
            return score;
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

    /** Aligned parts: q1..q2 with c1..c2 (inclusive; -1 ends: one part). */
    private record Pair(int q1, int q2, int c1, int c2, double sim, How how) {
        int qEnd() {
            return q2 < 0 ? q1 : q2;
        }

        int cEnd() {
            return c2 < 0 ? c1 : c2;
        }
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
    /**
     * @param queryNamesOrganisation whether the query is known to name an organisation (its schema says so, or it
     *                               carries a legal form): if not, the initials of its parts spelling a listed
     *                               acronym are weak evidence, since a person's three names spell some company's
     *                               initials often ("Lee Elliot Thompson" / LET, "Nora Robles" / NR-DEL)
     */
    public static Scored score(NameForm query, NameForm listed, Weights weights, int[] listedIds,
                               double[] listedWeights, PartMemo memo, int queryForm, boolean codes,
                               boolean queryNamesOrganisation) {
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
                    r = memo.compare(queryForm, i, q.get(i), listedIds[j], qa, la, typos);
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
        // Parts with no single counterpart may be written together on one side and apart on the other
        // ("jongun" / "jong un"), or be an acronym. (Counting weak counterparts as none found a few more
        // joins on name_bench but loosened the candidate bound enough to cost a sixth of batch speed.)
        boolean[] loneQ = new boolean[q.size()];
        boolean[] loneC = new boolean[c.size()];
        java.util.Arrays.fill(loneQ, true);
        java.util.Arrays.fill(loneC, true);
        for (Pair p : pairs) {
            if (p.how == How.INITIAL) continue; // too weak a counterpart to rule out a join
            // nor is an article or lineage the other name has elsewhere ("salah al din" / "salahaldin ... abd el halim")
            if (particles(q.get(p.q1), c.get(p.c1))) continue;
            loneQ[p.q1] = false;
            loneC[p.c1] = false;
        }
        // a part written twice on one side with fewer counterparts than that on the other leaves one free for a
        // join ("عبد الله احمد عبدالله" / Abdullah Ahmed Abdullah: one abdullah for "abdullah", one for "abd allah")
        freeRepeated(c, q, pairs, loneC, true);
        freeRepeated(q, c, pairs, loneQ, false);
        if (hasTrue(loneQ) && hasTrue(loneC)) {
            joined(q, c, qa, la, loneQ, loneC, pairs, false);
            joined(c, q, la, qa, loneC, loneQ, pairs, true);
            // (the first letters of parts read from an abjad spell nothing: its vowels were guessed, مليکا آل خضير is no "MAK")
            if (!qa) acronyms(q, c, loneC, codes, pairs, false, queryNamesOrganisation ? ACRONYM_SIMILARITY : WEAK_ACRONYM);
            if (!la) acronyms(c, q, loneQ, codes, pairs, true, ACRONYM_SIMILARITY);
        }
        List<Pair> assigned = new ArrayList<>(Math.min(q.size(), c.size()) + 2);
        double[] acc = new double[2]; // matched, query matched weight
        assign(q, c, pairs, usedQ, usedC, cw, assigned, acc, codes);
        if (assigned.isEmpty()) return Scored.ZERO;
        double matched = acc[0];
        double queryMatchedWeight = acc[1];
        int compared = assigned.size();
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
                double w = weights.of(q.get(i));
                double left = leftWeight(q.get(i), w);
                int twin = familyNameTwin(query, i, w);
                queryTotal += twin >= 0 && usedQ[twin] ? left * REPEATED_LEFT_SHARE : left;
                if (q.get(i).kind() == Token.Kind.NUMBER) numberConflict = true;
            }
        }
        double listedTotal = 0;
        // a short form of a long name: every query part found, the listed name's first and last among them
        // ("Aisha Qadhafi" for AISHA MUAMMAR MUHAMMED ABU MINYAR QADHAFI), with an Arabic lineage between: the
        // father's and grandfather's names are what people leave out (a Western middle name is not: "Fernando
        // Castro" is many people)
        boolean shortForm = !codes && c.size() >= 4 && nameParts(q) >= 2 && usedC[0] && usedC[c.size() - 1]
                && allNamePartsUsed(q, usedQ, assigned) && (lineageBetween(c, usedC) || articledFamilyName(c, usedC, assigned));
        for (int j = 0; j < c.size(); j++) {
            // a listed patronymic the query leaves out ("Sergey Lavrov" for Sergey Viktorovich Lavrov) is a usual omission
            double share = usedC[j] ? 1 : shortForm ? SHORT_FORM_SHARE
                    : c.size() >= 3 && NameVariants.isPatronymic(c.get(j).text()) ? PATRONYMIC_SHARE
                    : articleOfFoundPart(c, j, usedC, assigned) ? 0 : 1;
            listedTotal += share * cw[j];
            if (!usedC[j] && c.get(j).kind() == Token.Kind.NUMBER) numberConflict = true;
        }
        double queryCoverage = Math.min(1, matched / queryTotal);
        double listedCoverage = Math.min(1, matched / listedTotal);
        double score = Math.pow(queryCoverage, QUERY_EXPONENT) * Math.pow(listedCoverage, 1 - QUERY_EXPONENT);
        List<Adjustment> adjustments = null;
        if (codes && legalFormsDiffer(q, c)) {
            adjustments = adjust(adjustments, "other_legal_form", "the names carry different legal forms: often another"
                    + " company of the group", OTHER_LEGAL_FORM, score);
            score *= OTHER_LEGAL_FORM;
        }
        double substitution = substitutionFactor(q, c, usedQ, usedC, codes);
        if (substitution != 1) {
            adjustments = adjust(adjustments, "different_part", "a part of one name stands where the other has a"
                    + " different one: another family or given name", substitution, score);
            score *= substitution;
        }
        double lineage = lineageFactor(q, c, assigned);
        if (lineage != 1) {
            adjustments = adjust(adjustments, "lineage_swap", "a given name of one is the father's name (after bin) of"
                    + " the other: father and son, not one person", lineage, score);
            score *= lineage;
        }
        if (!codes && nameParts(q) == 1 && nameParts(c) >= 3) {
            adjustments = adjust(adjustments, "one_name_alone", "a single name against a full name", ONE_NAME_ALONE, score);
            score *= ONE_NAME_ALONE;
        }
        Scored aligned = new Scored(score, numberConflict, q, c, assigned, usedQ, usedC);
        if (adjustments != null) aligned.adjustments = List.copyOf(adjustments);
        aligned.compared = compared;
        aligned.matched = matched;
        aligned.queryTotal = queryTotal;
        aligned.listedCoverage = listedCoverage;
        if (codes && typos && score < 0.95) {
            Scored whole = wholeName(q, c);
            if (whole != null && whole.score() > aligned.score()) return whole;
        }
        return aligned;
    }

    /**
     * Two particles alike: an article or lineage on each side, which says little of who is named (the candidate
     * bound leaves such parts free for joins as the scorer does).
     */
    private static boolean particles(Token a, Token b) {
        return a.kind() == Token.Kind.PARTICLE && b.kind() == Token.Kind.PARTICLE;
    }

    /**
     * For a single pair with a part written twice on one side, how far apart its parts stand in their names (each
     * place as a fraction of its name's length); 0 for any other pair, whose ties keep their order.
     */
    private static double copyGap(Pair p, List<Token> q, List<Token> c) {
        if (p.q2 >= 0 || p.c2 >= 0 || !writtenTwice(c, p.c1) && !writtenTwice(q, p.q1)) return 0;
        return placeGap(p, q.size(), c.size());
    }

    private static boolean writtenTwice(List<Token> side, int at) {
        for (int k = 0; k < side.size(); k++) if (k != at && side.get(k).text().equals(side.get(at).text())) return true;
        return false;
    }

    /** How far apart a pair's parts stand in their names, each place as a fraction of its name's length. */
    private static double placeGap(Pair p, int queryParts, int listedParts) {
        double a = (p.q1 + p.qEnd()) / 2.0 / Math.max(1, queryParts - 1);
        double b = (p.c1 + p.cEnd()) / 2.0 / Math.max(1, listedParts - 1);
        return Math.abs(a - b);
    }

    private static boolean anyParticle(Token a, Token b) {
        return a.kind() == Token.Kind.PARTICLE || b.kind() == Token.Kind.PARTICLE;
    }

    /**
     * Greedy: the most similar pairs first, each part used once. In the names of organisations, vessels
     * and aircraft a lone letter is not an initial of a word ("Bank A" is not "Ansar Bank").
     */
    private static void assign(List<Token> q, List<Token> c, List<Pair> pairs, boolean[] usedQ, boolean[] usedC, double[] cw,
                               List<Pair> assigned, double[] acc, boolean notPerson) {
        if (pairs.size() > 1) {
            // best first; a particle's pairs last, so that a part written together with an article takes it first
            // (and an initial goes with a name before an article: "A. AL-DAGMA" / AL-DAGMA, Aschraf)
            // (between a part's equal pairs with two copies of another, the copy at about the same place in its name:
            // the other copy is left for a join)
            pairs.sort((a, b) -> {
                boolean pa = a.q2 < 0 && a.c2 < 0 && anyParticle(q.get(a.q1), c.get(a.c1));
                boolean pb = b.q2 < 0 && b.c2 < 0 && anyParticle(q.get(b.q1), c.get(b.c1));
                if (pa != pb) return Boolean.compare(pa, pb);
                int bySim = Double.compare(b.sim, a.sim);
                return bySim != 0 ? bySim : Double.compare(copyGap(a, q, c), copyGap(b, q, c));
            });
        }
        for (Pair p : pairs) {
            if (notPerson && p.how == How.INITIAL) continue;
            if (anyUsed(usedQ, p.q1, p.qEnd()) || anyUsed(usedC, p.c1, p.cEnd())) continue;
            double w = 0;
            for (int i = p.q1; i <= p.qEnd(); i++) usedQ[i] = true;
            for (int j = p.c1; j <= p.cEnd(); j++) {
                usedC[j] = true;
                w += cw[j];
            }
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
    private static double substitutionFactor(List<Token> q, List<Token> c, boolean[] usedQ, boolean[] usedC,
                                             boolean notPerson) {
        int swappedQ = 0;
        boolean[] typoC = null;
        for (int i = 0; i < q.size(); i++) {
            if (usedQ[i] || !nameLike(q.get(i), notPerson)) continue;
            int typoOf = -1;
            for (int j = 0; j < c.size() && typoOf < 0; j++) {
                if (usedC[j] || typoC != null && typoC[j] || !nameLike(c.get(j), notPerson)) continue;
                String a = q.get(i).text();
                String b = c.get(j).text();
                if (Math.min(a.length(), b.length()) >= 3 && EditDistance.within(a, b, 1) >= 0) typoOf = j;
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
            if (!usedC[j] && (typoC == null || !typoC[j]) && nameLike(c.get(j), notPerson)) swappedC++;
        }
        return 1 - Math.min(swappedQ, swappedC) / (double) Math.max(q.size(), c.size());
    }

    /**
     * Words, and in persons' names initials: "William G. Frost" is not "William W. Frost" (elsewhere a
     * lone letter is a series mark or a code, "Fund V").
     */
    private static boolean nameLike(Token t, boolean notPerson) {
        return t.kind() == Token.Kind.WORD && !HONORIFIC.equals(t.canonical()) || !notPerson && t.kind() == Token.Kind.INITIAL;
    }

    /**
     * Sayyid (Sayed, Syed, Seyed...), a descendant of the Prophet: a hereditary honorific one list writes before the
     * given name and another leaves out, so it stands for no other given name ("Seyed Akbar Tabatabaei" / "Ali Akbar
     * Tabatabaei"). It still counts as a part of the name: as a title it weighed too little (public cases changed).
     */
    private static final String HONORIFIC = "sayyid";
    /** What an honorific the listed name does not write weighs in the query's coverage: the part of it that is a name. */
    private static final double HONORIFIC_LEFT_SHARE = 0.5;

    /**
     * What a query part the listed name leaves unmatched counts against the query's coverage, of its weight {@code w}:
     * all of it, but for Sayyid, which one list writes before the given name and another leaves out ("Seyed Akbar
     * Tabatabaei" for the UN's Ali Akbar Tabatabaei), and which is also a given name (Sayed Hassan): half. The
     * candidate bound counts left-over parts the same way.
     */
    public static double leftWeight(Token part, double w) {
        return HONORIFIC.equals(part.canonical()) ? w * HONORIFIC_LEFT_SHARE : w;
    }

    /**
     * What a query part left unmatched counts, of its {@link #leftWeight}, when it is {@link #familyNameTwin a family
     * name written twice} and the other copy is matched: one name, not one the listed name lacks.
     */
    public static final double REPEATED_LEFT_SHARE = 0.5;

    /**
     * Below this rarity a name part is a common given or family name (ahmad 3.9, ali 4.0, ibrahim 4.3, sergei 5.5 on the
     * shared lists; a rare family name weighs 8 to 10).
     */
    public static final double COMMON_PART_WEIGHT = 5.6;

    /**
     * The other copy of part {@code i} when the two are a family name written twice, or -1: a rare word of a name of
     * three parts or more, first and last (the family name in its own field and again at the end of the full
     * name, as OFAC writes "MANAA, Fares Mohamed Hassan Manaa") or the last two (the full name and the family name joined
     * after it). A common name written twice is usually two people's ("Abdul Basir Abdul Baseer", "María María"), and
     * in Chinese or Korean names a repeated syllable is two names' ("帆 杨 楊", "중수 영수 이").
     */
    public static int familyNameTwin(NameForm form, int i, double weight) {
        List<Token> q = form.tokens();
        int n = q.size();
        if (n < 3 || form.origin().isSyllabic() || q.get(i).kind() != Token.Kind.WORD || weight < COMMON_PART_WEIGHT) return -1;
        String text = q.get(i).text();
        if (i == n - 1) {
            if (q.get(0).text().equals(text)) return 0;
            return q.get(n - 2).text().equals(text) ? n - 2 : -1;
        }
        return (i == 0 || i == n - 2) && q.get(n - 1).text().equals(text) ? n - 1 : -1;
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

    private static boolean anyUsed(boolean[] used, int from, int to) {
        for (int i = from; i <= to; i++) if (used[i]) return true;
        return false;
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
        if (codeLength(q) < 4 || codeLength(c) < 4) return null; // "BD plc" is not "BP plc": legal forms are no code
        String a = joinedText(q);
        String b = joinedText(c);
        int longest = Math.max(a.length(), b.length());
        if (longest < 5 || longest > 10) return null;
        int d = EditDistance.within(a, b, longest >= 10 ? 2 : 1);
        if (d <= 0) return null;
        double sim = d == 1 ? Math.max(0.85, 1.0 - 1.0 / longest) : 1.0 - 2.0 / longest;
        return Scored.whole(sim, new PartMatch(a, b, How.EDIT_DISTANCE, round(sim)));
    }

    private static int codeLength(List<Token> tokens) {
        int n = 0;
        for (Token t : tokens) if (t.kind() != Token.Kind.LEGAL_FORM) n += t.text().length();
        return n;
    }

    private static String joinedText(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) sb.append(t.text());
        return sb.toString();
    }

    /**
     * Marks lone every copy of a part {@code side} writes more than once when the other side has fewer parts alike
     * to it than copies: the alignment pairs the copies it can, and a join may take the rest.
     */
    private static void freeRepeated(List<Token> side, List<Token> other, List<Pair> pairs, boolean[] lone, boolean listed) {
        for (int j = 0; j < side.size(); j++) {
            if (lone[j]) continue;
            int copies = 0;
            for (int k = 0; k < side.size(); k++) if (side.get(k).text().equals(side.get(j).text())) copies++;
            if (copies < 2) continue;
            java.util.BitSet counterparts = new java.util.BitSet();
            for (Pair p : pairs) {
                if (p.how == How.INITIAL || p.q2 >= 0 || p.c2 >= 0) continue;
                int mine = listed ? p.c1 : p.q1;
                int theirs = listed ? p.q1 : p.c1;
                if (side.get(mine).text().equals(side.get(j).text()) && !particles(side.get(mine), other.get(theirs))) {
                    counterparts.set(theirs);
                }
            }
            if (counterparts.cardinality() < copies) {
                for (int k = 0; k < side.size(); k++) if (side.get(k).text().equals(side.get(j).text())) lone[k] = true;
            }
        }
    }

    /**
     * Runs of two or three adjacent parts of {@code a} written as one part of {@code b} ("jong un" /
     * "jongun", "van der bilt" / "vanderbilt", a legal form written onto the name: "siemens ag" / "siemensag").
     */
    private static void joined(List<Token> a, List<Token> b, boolean aAbjad, boolean bAbjad, boolean[] loneA,
                               boolean[] loneB, List<Pair> pairs, boolean listedSideJoined) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < a.size(); i++) {
            sb.setLength(0);
            boolean mandarin = true;
            for (int end = i; end < a.size() && end < i + MAX_JOINED; end++) {
                Token t = a.get(end);
                boolean last = end > i && t.kind() == Token.Kind.LEGAL_FORM; // only as the run's end
                if (!loneA[end] || t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.LEGAL_FORM && !last) break;
                sb.append(t.text());
                mandarin &= t.mandarin() != null;
                // an abjad script's article (or آل, "family of") belongs to the part after it: a run read from one
                // does not end on it ("fda al" is no "faysal"; a Latin "sa du" is one name split at its apostrophe)
                if (end == i || aAbjad && t.kind() == Token.Kind.PARTICLE) continue;
                int length = sb.length();
                Token joinedToken = null;
                // (typos within joined parts are left to the whole-name comparison)
                for (int j = 0; j < b.size(); j++) {
                    int other = b.get(j).text().length();
                    // (transliterations from abjads drop vowels, so only the bound on the shorter, abjad side holds there)
                    if (!loneB[j] || !bAbjad && other < length - 2 || !aAbjad && !bAbjad && other > length + 2) continue;
                    if (joinedToken == null) joinedToken = Token.joined(sb.toString(), mandarin, aAbjad != bAbjad);
                    TokenSimilarity.Result r = listedSideJoined
                            ? TokenSimilarity.compare(b.get(j), joinedToken, bAbjad, aAbjad)
                            : TokenSimilarity.compare(joinedToken, b.get(j), aAbjad, bAbjad);
                    if (r.how() != null && r.similarity() >= JOIN_MIN) {
                        double sim = r.similarity() - 0.01 * (end - i);
                        pairs.add(listedSideJoined
                                ? new Pair(j, -1, i, end, sim, How.JOINED)
                                : new Pair(i, end, j, -1, sim, How.JOINED));
                    }
                }
                if (last) break;
            }
        }
    }

    /**
     * One part of {@code b} spelling the initials of adjacent parts of {@code a}: "PLA" / "People's
     * Liberation Army", "US" / "United States" (the spelled parts may have weak counterparts elsewhere,
     * "States" / "State": the alignment then takes the better). In persons' names only a part without vowels counts
     * ("JC" / "Jean-Claude"): "Un" is a name, not the initials of "Ung Nam".
     */
    private static void acronyms(List<Token> a, List<Token> b, boolean[] loneB, boolean notPerson,
                                 List<Pair> pairs, boolean listedSideSpelled, double similarity) {
        for (int j = 0; j < b.size(); j++) {
            String acronym = b.get(j).text();
            int n = acronym.length();
            if (!loneB[j] || n < 2 || n > 6 || n > a.size() || b.get(j).kind() != Token.Kind.WORD) continue;
            if (!notPerson && hasVowel(acronym)) continue;
            for (int i = 0; i + n <= a.size(); i++) {
                boolean spelled = true;
                for (int k = 0; k < n && spelled; k++) {
                    Token t = a.get(i + k);
                    spelled = t.text().length() > 1 && t.text().charAt(0) == acronym.charAt(k)
                            && (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.PARTICLE);
                }
                if (!spelled) continue;
                pairs.add(listedSideSpelled
                        ? new Pair(j, -1, i, i + n - 1, similarity, How.ACRONYM)
                        : new Pair(i, i + n - 1, j, -1, similarity, How.ACRONYM));
            }
        }
    }

    public static boolean hasVowel(String s) {
        for (int i = 0; i < s.length(); i++) if ("aeiouy".indexOf(s.charAt(i)) >= 0) return true;
        return false;
    }

    private static String text(List<Token> tokens, int a, int b) {
        if (b < 0) return tokens.get(a).text();
        StringBuilder sb = new StringBuilder(tokens.get(a).text());
        for (int i = a + 1; i <= b; i++) sb.append(' ').append(tokens.get(i).text());
        return sb.toString();
    }

    static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
