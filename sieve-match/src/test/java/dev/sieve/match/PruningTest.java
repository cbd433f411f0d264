package dev.sieve.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.lists.ListFiles;
import dev.sieve.model.Entity;
import dev.sieve.model.Match;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Skipping candidates by their coverage bound never changes what screening alerts on. */
class PruningTest {
    private static MatchEngine pruned;
    private static MatchEngine full;
    private static List<Entity> entities;

    @BeforeAll
    static void engines() throws Exception {
        entities = ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml"),
                SharedData.list("ofac_sdn/2021-07_complete_set")));
        pruned = MatchEngine.build(entities);
        System.setProperty("sieve.match.noPruning", "true");
        try {
            full = MatchEngine.build(entities);
        } finally {
            System.clearProperty("sieve.match.noPruning");
        }
    }

    private static int sameAlerts(List<ScreeningQuery> queries) {
        int alerts = 0;
        for (ScreeningQuery q : queries) {
            List<Match> a = pruned.screen(q);
            assertThat(a).as(q.name()).isEqualTo(full.screen(q));
            alerts += a.size();
        }
        return alerts;
    }

    @Test
    void boundedScreeningGivesTheSameAlertsAsScoringEveryCandidate() throws Exception {
        // every 4th case: positives of each variation and negatives, with birth dates and nationalities
        List<ScreeningQuery> queries = ScreeningCases.every(4, true);
        assertThat(queries).hasSizeGreaterThan(5000);
        assertThat(sameAlerts(queries)).isGreaterThan(2000);
    }

    @Test
    void soItDoesForNamesAlone() throws Exception {
        // as a names-only customer file gives them: no schema, no birth date, no nationality (nothing else
        // lowers a candidate's score, so the bound on the name decides alone)
        List<ScreeningQuery> queries = ScreeningCases.every(5, false).stream()
                .map(q -> new ScreeningQuery(q.name(), null, null, null, List.of(), null, 10)).toList();
        assertThat(queries).hasSizeGreaterThan(4000);
        assertThat(sameAlerts(queries)).isGreaterThan(2000);
    }

    @Test
    void soItDoesForOtherAuthoritiesNamesOfListedPersons() throws Exception {
        // how another list writes a listed person, with its birth date: parts of two of the listing's names ("HEBBO,
        // Mohammed"), which the scorer credits beside the name score and the bound must allow for
        List<Entity> ofac = ListFiles.read(List.of(SharedData.list("ofac_sdn/2021-07_complete_set")));
        List<ScreeningQuery> queries = new java.util.ArrayList<>();
        int n = 0;
        for (Entity e : ofac) {
            if (e.schema() != dev.sieve.model.Schema.PERSON) continue;
            dev.sieve.model.PartialDate dob = e.birthDates().isEmpty() ? null : e.birthDates().getFirst().date();
            for (dev.sieve.model.Name name : e.names()) {
                if (n++ % 7 == 0) {
                    queries.add(new ScreeningQuery(name.value(), dev.sieve.model.Schema.PERSON, dob, null, List.of(), null, 10));
                }
            }
        }
        assertThat(queries).hasSizeGreaterThan(1500);
        assertThat(sameAlerts(queries)).isGreaterThan(1000);
    }

    @Test
    void soItDoesForRealNamesInEveryScript() throws Exception {
        // names-only rows as real customer files hold them (a third in Arabic, Chinese, Devanagari, Hangul, Cyrillic,
        // Thai or Hebrew script), and the listed names written in their own scripts, each also without its spaces: the
        // bound's comparison of parts written together meets short names of every script against long listed names
        List<ScreeningQuery> queries = new java.util.ArrayList<>();
        java.nio.file.Path fixtures = dev.sieve.testing.SharedData.root()
                .resolve("data/bench-sources/yente_candidate_generation/negatives_global.csv");
        try (dev.sieve.lists.CsvParser csv = new dev.sieve.lists.CsvParser(java.nio.file.Files.newBufferedReader(fixtures),
                "negatives_global.csv")) {
            int full = csv.next().fields().indexOf("full_name");
            dev.sieve.lists.CsvParser.Row r;
            for (int n = 0; (r = csv.next()) != null; n++) {
                if (n % 10 == 0 && !r.get(full).isBlank()) queries.add(new ScreeningQuery(r.get(full), null, null, null, List.of(), null, 10));
            }
        }
        int customers = queries.size();
        for (Entity e : entities) {
            for (dev.sieve.model.Name name : e.names()) {
                String v = name.value();
                if (v.codePoints().anyMatch(c -> c > 0x24F && Character.isLetter(c))) {
                    queries.add(new ScreeningQuery(v, null, null, null, List.of(), null, 10));
                    queries.add(new ScreeningQuery(v.replace(" ", ""), null, null, null, List.of(), null, 10));
                }
            }
        }
        assertThat(customers).isGreaterThan(2000);
        assertThat(queries.size() - customers).isGreaterThan(500);
        assertThat(sameAlerts(queries)).isGreaterThan(300);
    }
}
