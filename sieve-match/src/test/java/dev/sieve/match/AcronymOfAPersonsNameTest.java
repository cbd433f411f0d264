package dev.sieve.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.lists.ListFiles;
import dev.sieve.model.Match;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person's names spell some company's initials all the time: in a names-only customer file (no schema) "Nora
 * Robles" alerted on OFAC's LIMITED LIABILITY COMPANY NR-DEL and "Dag King" on the UK's DK GROUP. Such a query's
 * initials are weak evidence; a query known to name an organisation still meets its acronym.
 */
class AcronymOfAPersonsNameTest {
    static MatchEngine ofac;

    @BeforeAll
    static void build() throws Exception {
        ofac = MatchEngine.build(ListFiles.read(List.of(SharedData.list("ofac_sdn/2024-05-03/sdn.csv"))));
    }

    private static List<String> alerts(String name, Schema schema) {
        return ofac.screen(new ScreeningQuery(name, schema, null, null, List.of(), null, 10)).stream().map(Match::name).toList();
    }

    @Test
    void aNameOfUnknownKindSpellingAnAcronymAloneDoesNotAlert() {
        assertThat(alerts("Nora Robles", null)).doesNotContain("LIMITED LIABILITY COMPANY NR-DEL");
        assertThat(alerts("Nora Ramirez", null)).doesNotContain("LIMITED LIABILITY COMPANY NR-DEL");
    }

    @Test
    void anOrganisationsNameStillMeetsItsAcronym() {
        assertThat(alerts("Nora Robles", Schema.ORGANIZATION)).contains("LIMITED LIABILITY COMPANY NR-DEL");
        assertThat(alerts("Nora Robles LLC", null)).contains("LIMITED LIABILITY COMPANY NR-DEL"); // a legal form says so
    }
}
