package dev.sieve.match.score;

import java.util.Arrays;

/**
 * Per-query memo of part comparisons: one row per listed vocabulary part met, one cell per query part
 * and kind of comparison. The row of a part is found through arrays indexed by vocabulary id, stamped
 * with the query's generation, so a lookup is two array reads and a new query clears nothing: the
 * same listed parts recur across the candidates of one query, and the bound looks them up for each.
 */
public final class PartMemo {
    private int[] stamp = new int[0];
    private int[] rowOf = new int[0];
    private TokenSimilarity.Result[] cells = new TokenSimilarity.Result[1024];
    private int generation;
    private int width;
    private int rows;

    /**
     * Starts a query.
     *
     * @param vocabulary the number of distinct listed parts (vocabulary ids are below it)
     * @param queryParts the number of query parts, over all forms of the query
     */
    public void begin(int vocabulary, int queryParts) {
        if (stamp.length < vocabulary) {
            stamp = new int[vocabulary];
            rowOf = new int[vocabulary];
            generation = 0;
        }
        if (++generation == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            generation = 1;
        }
        width = queryParts * 4;
        rows = 0;
    }

    /**
     * The cell of a query part for one kind of comparison: whether the listed name was transliterated
     * from an abjad and whether typos count both change the result for the same two parts.
     */
    public static int slot(int queryPart, boolean listedAbjad, boolean typos) {
        return queryPart * 4 + (listedAbjad ? 2 : 0) + (typos ? 1 : 0);
    }

    /** The memoised result, or null when this comparison was not made in this query. */
    public TokenSimilarity.Result get(int slot, int vocabularyId) {
        return stamp[vocabularyId] == generation ? cells[rowOf[vocabularyId] * width + slot] : null;
    }

    public void put(int slot, int vocabularyId, TokenSimilarity.Result result) {
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
