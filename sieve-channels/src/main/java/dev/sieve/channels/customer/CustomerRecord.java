package dev.sieve.channels.customer;

import dev.sieve.model.ScreeningQuery;
import java.util.List;

/**
 * One row of a customer file: where it is, its customer id, and the query it becomes — or, when the row
 * is broken, the problem (the row is then reported "could not screen", never skipped).
 *
 * @param row the row's number (1 = first record), stable across runs: jobs resume from it
 * @param line the line in the file, for messages
 * @param warnings what of the row could not be read but did not stop its name being screened (an
 *                 unreadable birth date or country), each naming the file, line and column
 * @param idGiven whether the file gave the id (else it is the row's number, which is no one's id for the customer)
 */
public record CustomerRecord(long row, long line, String id, ScreeningQuery query, String problem, List<String> warnings,
                             boolean idGiven) {
    public CustomerRecord {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public CustomerRecord(long row, long line, String id, ScreeningQuery query, String problem, List<String> warnings) {
        this(row, line, id, query, problem, warnings, id != null);
    }

    public CustomerRecord(long row, long line, String id, ScreeningQuery query, String problem) {
        this(row, line, id, query, problem, List.of());
    }
}
