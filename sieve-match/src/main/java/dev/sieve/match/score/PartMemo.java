package dev.sieve.match.score;

import static dev.sieve.match.util.Capacity.withRoomToGrow;

import dev.sieve.match.analysis.NameForm;
import dev.sieve.match.analysis.Token;
import java.util.Arrays;
import java.util.List;

/**
 * Per-query memo of part comparisons: one row per listed vocabulary part met, one cell per query part
 * and kind of comparison. The row of a part is found through arrays indexed by vocabulary id, stamped
 * with the query's generation, so a lookup is two array reads and a new query clears nothing: the
 * same listed parts recur across the candidates of one query, and the bound looks them up for each.
 * Pairs the {@link PartSignatures} rule out are answered before the memo is looked at.
 */
public final class PartMemo {
    private int[] stamp = new int[0];
    private int[] rowOf = new int[0];
    private TokenSimilarity.Result[] cells = new TokenSimilarity.Result[1024];
    private int generation;
    private Token[] vocabulary;
    private long[] records;
    private int recordStride;
    private long[] querySignatures = new long[0];
    private int[] firstPart = new int[0];
    private int width;
    private int rows;

    /**
     * Starts a query: numbers the parts of all its forms in one sequence and works out their signatures.
     *
     * @param vocabulary the listed parts, by vocabulary id
     * @param records per listed part, {@code recordStride} longs starting with its {@link PartSignatures}
     * @param forms the query's forms
     */
    public void begin(Token[] vocabulary, long[] records, int recordStride, List<NameForm> forms) {
        this.vocabulary = vocabulary;
        this.records = records;
        this.recordStride = recordStride;
        if (firstPart.length < forms.size()) firstPart = new int[forms.size()];
        int parts = 0;
        for (int f = 0; f < forms.size(); f++) {
            firstPart[f] = parts;
            parts += forms.get(f).tokens().size();
        }
        if (querySignatures.length < parts * PartSignatures.STRIDE) querySignatures = new long[parts * PartSignatures.STRIDE];
        for (int f = 0; f < forms.size(); f++) {
            List<Token> ts = forms.get(f).tokens();
            for (int i = 0; i < ts.size(); i++) {
                PartSignatures.write(ts.get(i), querySignatures, (firstPart[f] + i) * PartSignatures.STRIDE);
            }
        }
        if (stamp.length < vocabulary.length) {
            stamp = new int[withRoomToGrow(vocabulary.length)];
            rowOf = new int[stamp.length];
            generation = 0;
        }
        if (++generation == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            generation = 1;
        }
        width = parts * 4;
        rows = 0;
    }

    /** The signatures of this query's parts (see {@link #signatureAt}); do not modify. */
    public long[] querySignatures() {
        return querySignatures;
    }

    /** Where the signature of part {@code part} of the query's form {@code form} starts in {@link #querySignatures}. */
    public int signatureAt(int form, int part) {
        return (firstPart[form] + part) * PartSignatures.STRIDE;
    }

    /**
     * The cell of a query part for one kind of comparison: whether the listed name was transliterated
     * from an abjad and whether typos count both change the result for the same two parts.
     */
    static int slot(int queryPart, boolean listedAbjad, boolean typos) {
        return queryPart * 4 + (listedAbjad ? 2 : 0) + (typos ? 1 : 0);
    }

    /**
     * {@link TokenSimilarity#compare} of part {@code part} (of the query's form {@code form}) and a
     * listed part: ruled out by signatures, or memoised, or worked out and memoised.
     */
    public TokenSimilarity.Result compare(int form, int part, Token q, int vocabularyId, boolean queryAbjad,
                                          boolean listedAbjad, boolean typos) {
        int queryPart = firstPart[form] + part;
        if (PartSignatures.cannotMatch(querySignatures, queryPart * PartSignatures.STRIDE, records,
                vocabularyId * recordStride, queryAbjad, listedAbjad, typos)) {
            return TokenSimilarity.Result.NONE;
        }
        int slot = slot(queryPart, listedAbjad, typos);
        TokenSimilarity.Result r = get(slot, vocabularyId);
        if (r == null) {
            r = TokenSimilarity.compare(q, vocabulary[vocabularyId], queryAbjad, listedAbjad, typos);
            put(slot, vocabularyId, r);
        }
        return r;
    }

    /** The memoised result, or null when this comparison was not made in this query. */
    TokenSimilarity.Result get(int slot, int vocabularyId) {
        return stamp[vocabularyId] == generation ? cells[rowOf[vocabularyId] * width + slot] : null;
    }

    void put(int slot, int vocabularyId, TokenSimilarity.Result result) {
        int row;
        if (stamp[vocabularyId] == generation) {
            row = rowOf[vocabularyId];
        } else {
            row = rows++;
            stamp[vocabularyId] = generation;
            rowOf[vocabularyId] = row;
            int end = rows * width;
            if (cells.length < end) cells = Arrays.copyOf(cells, Math.max(end, cells.length * 2));
            Arrays.fill(cells, row * width, end, null);
        }
        cells[row * width + slot] = result;
    }
}
