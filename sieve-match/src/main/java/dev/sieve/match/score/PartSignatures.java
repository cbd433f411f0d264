package dev.sieve.match.score;

import dev.sieve.match.analysis.EditDistance;
import dev.sieve.match.analysis.Token;

/**
 * A few numbers per name part, kept side by side in one array, from which most pairs of parts are
 * known not to match without reading the parts themselves. The index holds tens of thousands of parts
 * and a query meets a few hundred of them at random: reading each part's strings costs cache misses
 * that dwarf the comparison (about 300 ns a pair against 60 ns when the parts are in cache).
 *
 * <p>{@link #cannotMatch} is true only when every rule of {@link TokenSimilarity#compare} would fail:
 * no equal text, canonical form, consonant key or Mandarin key (by hash: equal hashes are compared in
 * full), no shared given-name group; with the same first letter, not one ending in -a one or two
 * letters longer (other-gender forms), not one ending in -s up to three longer (Baltic forms), not the
 * same letters (doubled letters); and, where typos count, lengths more than two apart or more letters
 * on one side only than the edits allowed at that length. Numbers, initials and comparisons
 * across an abjad and Latin are always compared in full.
 */
public final class PartSignatures {
    /** Longs per part. */
    public static final int STRIDE = 6;

    private PartSignatures() {
    }

    /** Writes a part's signature at {@code into[at .. at + STRIDE)}. */
    public static void write(Token t, long[] into, int at) {
        int length = Math.min(t.text().length(), 0xFFFF);
        int canonicalLength = Math.min(t.canonical().length(), 0xFFFF);
        boolean full = t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.INITIAL || t.text().isEmpty();
        String text = t.text();
        boolean endsS = !text.isEmpty() && text.charAt(text.length() - 1) == 's';
        boolean endsA = !text.isEmpty() && text.charAt(text.length() - 1) == 'a';
        into[at] = (endsA ? 1L : 0L) << 55 | (endsS ? 1L : 0L) << 54
                | (NameScorer.hasVowel(t.text()) ? 1L : 0L) << 53 | (long) t.kind().ordinal() << 50
                | (t.mandarin() != null ? 2L : 0L) << 48 | (full ? 1L : 0L) << 48 | (long) canonicalLength << 32
                | (long) (t.text().isEmpty() ? 0 : t.text().charAt(0)) << 16 | length;
        // a consonant key shorter than three letters is no phonetic evidence: a value no other part shares
        int skeleton = t.skeleton().length() >= 3 ? t.skeleton().hashCode() : ~t.text().hashCode() * 31 + 17;
        into[at + 1] = (long) t.canonical().hashCode() << 32 | (skeleton & 0xFFFFFFFFL);
        into[at + 2] = (long) t.text().hashCode() << 32 | (t.mandarin() == null ? 0 : t.mandarin().hashCode() & 0xFFFFFFFFL);
        into[at + 3] = t.givenNames();
        into[at + 4] = EditDistance.letters(t.text());
        into[at + 5] = EditDistance.letters(t.canonical());
    }

    /** The edits {@link TokenSimilarity} allows at this length (none below four letters; -1: none at all). */
    private static int allowedEdits(int longest) {
        return longest < 4 ? -1 : longest >= 8 ? 2 : 1;
    }

    private static final Token.Kind[] KINDS = Token.Kind.values();

    /** The part's text length, from its signature at {@code at}. */
    public static int length(long[] s, int at) {
        return (int) (s[at] & 0xFFFF);
    }

    public static char firstLetter(long[] s, int at) {
        return (char) (s[at] >>> 16 & 0xFFFF);
    }

    public static Token.Kind kind(long[] s, int at) {
        return KINDS[(int) (s[at] >>> 50 & 7)];
    }

    /** Whether the part's text has a vowel (a, e, i, o, u, y). */
    public static boolean hasVowel(long[] s, int at) {
        return (s[at] >>> 53 & 1) != 0;
    }

    /** {@link EditDistance#letters} of the part's text. */
    public static long letters(long[] s, int at) {
        return s[at + 4];
    }

    /** Whether {@link TokenSimilarity#compare} of the two parts is sure to find no match. */
    public static boolean cannotMatch(long[] q, int qi, long[] c, int ci, boolean queryAbjad, boolean listedAbjad,
                                      boolean typos) {
        long qh = q[qi];
        long ch = c[ci];
        if (queryAbjad != listedAbjad || ((qh | ch) >>> 48 & 1) != 0) return false;
        // equal text, canonical form or consonant key
        if (q[qi + 2] >>> 32 == c[ci + 2] >>> 32 || q[qi + 1] >>> 32 == c[ci + 1] >>> 32
                || (int) q[qi + 1] == (int) c[ci + 1]) {
            return false;
        }
        if ((q[qi + 3] & c[ci + 3]) != 0) return false; // a shared given-name group
        if ((qh >>> 49 & ch >>> 49 & 1) != 0 && (int) q[qi + 2] == (int) c[ci + 2]) return false; // Mandarin key
        int ql = (int) (qh & 0xFFFF);
        int cl = (int) (ch & 0xFFFF);
        int gap = Math.abs(ql - cl);
        int lettersApart = EditDistance.lettersApart(q[qi + 4], c[ci + 4]);
        if ((qh >>> 16 & 0xFFFF) == (ch >>> 16 & 0xFFFF)) {
            long ends = qh | ch;
            if (gap >= 1 && gap <= 2 && (ends >>> 55 & 1) != 0) return false; // other gender: one ends in -a
            if (gap <= 3 && (ends >>> 54 & 1) != 0) return false; // Baltic: one ends in -s
            if (typos && lettersApart == 0) return false; // doubled letters
        }
        if (typos) {
            if (gap <= 2 && lettersApart <= allowedEdits(Math.max(ql, cl))) return false;
            int qc = (int) (qh >>> 32 & 0xFFFF);
            int cc = (int) (ch >>> 32 & 0xFFFF);
            if (Math.abs(qc - cc) <= 2
                    && EditDistance.lettersApart(q[qi + 5], c[ci + 5]) <= allowedEdits(Math.max(qc, cc))) {
                return false;
            }
        }
        return true;
    }
}
