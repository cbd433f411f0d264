package dev.sieve.channels.customer;

import dev.sieve.model.ScreeningQuery;

/**
 * One row of a customer file: where it is, its customer id, and the query it becomes — or, when the row
 * is broken, the problem (the row is then reported "could not screen", never skipped).
 *
 * @param row the row's number (1 = first record), stable across runs: jobs resume from it
 * @param line the line in the file, for messages
 */
public record CustomerRecord(long row, long line, String id, ScreeningQuery query, String problem) {
}
