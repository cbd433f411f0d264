package dev.sieve.match;

import dev.sieve.lists.CsvParser;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Queries from the shared benchmark's screening cases (positives of each variation and negatives), for tests. */
final class ScreeningCases {
    private ScreeningCases() {
    }

    /** Every {@code nth} case as a query with limit 10; with {@code facts}, its birth date and nationality too. */
    static List<ScreeningQuery> every(int nth, boolean facts) throws Exception {
        List<ScreeningQuery> queries = new ArrayList<>();
        try (CsvParser csv = new CsvParser(Files.newBufferedReader(SharedData.bench().resolve("screening-cases.csv"),
                StandardCharsets.UTF_8), "screening-cases.csv")) {
            List<String> h = csv.next().fields();
            CsvParser.Row r;
            for (int i = 0; (r = csv.next()) != null; i++) {
                if (i % nth != 0) continue;
                String dob = facts ? r.get(h.indexOf("birth_date")) : "";
                String nat = facts ? r.get(h.indexOf("nationality")) : "";
                queries.add(new ScreeningQuery(r.get(h.indexOf("query_name")), Schema.parse(r.get(h.indexOf("schema"))),
                        dob.isEmpty() ? null : PartialDate.parse(dob), nat.isEmpty() ? null : nat, List.of(), null, 10));
            }
        }
        return queries;
    }
}
