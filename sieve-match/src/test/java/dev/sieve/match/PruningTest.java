package dev.sieve.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.lists.CsvParser;
import dev.sieve.lists.ListFiles;
import dev.sieve.model.Entity;
import dev.sieve.model.Match;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Skipping candidates by their coverage bound never changes what screening alerts on. */
class PruningTest {
    @Test
    void boundedScreeningGivesTheSameAlertsAsScoringEveryCandidate() throws Exception {
        List<Entity> entities = ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml"),
                SharedData.list("ofac_sdn/2021-07_complete_set")));
        MatchEngine pruned = MatchEngine.build(entities);
        MatchEngine full;
        System.setProperty("sieve.match.noPruning", "true");
        try {
            full = MatchEngine.build(entities);
        } finally {
            System.clearProperty("sieve.match.noPruning");
        }
        List<ScreeningQuery> queries = new ArrayList<>();
        try (CsvParser csv = new CsvParser(Files.newBufferedReader(SharedData.bench().resolve("screening-cases.csv"),
                StandardCharsets.UTF_8), "screening-cases.csv")) {
            List<String> h = csv.next().fields();
            CsvParser.Row r;
            // every 4th case: positives of each variation and negatives, with birth dates and nationalities
            for (int i = 0; (r = csv.next()) != null; i++) {
                if (i % 4 != 0) continue;
                String dob = r.get(h.indexOf("birth_date"));
                String nat = r.get(h.indexOf("nationality"));
                queries.add(new ScreeningQuery(r.get(h.indexOf("query_name")), Schema.parse(r.get(h.indexOf("schema"))),
                        dob.isEmpty() ? null : PartialDate.parse(dob), nat.isEmpty() ? null : nat, List.of(), null, 10));
            }
        }
        int alerts = 0;
        for (ScreeningQuery q : queries) {
            List<Match> a = pruned.screen(q);
            assertThat(a).as(q.name()).isEqualTo(full.screen(q));
            alerts += a.size();
        }
        assertThat(queries).hasSizeGreaterThan(5000);
        assertThat(alerts).isGreaterThan(2000);
    }
}
