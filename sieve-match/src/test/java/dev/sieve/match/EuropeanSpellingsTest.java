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
 * Names as German- and French-speaking customers' files and agencies write them: Russian names romanised the German way
 * (в as w, ч as tsch, ш as sch) or the French way (у as ou, ш as ch, ж as j, -ин as -ine), and forms of address,
 * against OFAC's list as it writes them (Lavrov, Sechin, Putin).
 */
class EuropeanSpellingsTest {
    static MatchEngine ofac;

    @BeforeAll
    static void build() throws Exception {
        ofac = MatchEngine.build(ListFiles.read(List.of(SharedData.list("ofac_sdn/2024-05-03/sdn.csv"))));
    }

    static List<String> alerts(String name) {
        return ofac.screen(new ScreeningQuery(name, Schema.PERSON, null, null, List.of(), null, 10)).stream().map(Match::id).toList();
    }

    @Test
    void russianNamesRomanisedTheGermanWayAlert() {
        assertThat(alerts("Sergej Lawrow")).contains("us-ofac:35233");
        assertThat(alerts("Dmitri Medwedew")).contains("us-ofac:36407");
        assertThat(alerts("Igor Setschin")).contains("us-ofac:16692");
        assertThat(alerts("Alischer Usmanow")).contains("us-ofac:35283");
        // the scores the German form reaches, not merely the threshold: each is the listed name read letter for letter
        assertThat(ofac.compare("Lawrow, Sergej", "LAVROV, Sergei Viktorovich", Schema.PERSON).score()).isGreaterThan(0.9);
    }

    @Test
    void russianNamesRomanisedTheFrenchWayAlert() {
        assertThat(alerts("Vladimir Poutine")).contains("us-ofac:35096");
        assertThat(alerts("Sergueï Choïgou")).contains("us-ofac:35173");
        assertThat(alerts("Igor Setchine")).contains("us-ofac:16692");
        assertThat(alerts("Evgueni Prigojine")).contains("us-ofac:21171");
        // French given names ending in -ine and English ones with tch keep their own form: no "Shristin", no "Michell"
        assertThat(dev.sieve.match.analysis.NameAnalyzer.analyzeQuery("Christine Jacqueline Dupont", Schema.PERSON)).hasSize(1);
        assertThat(dev.sieve.match.analysis.NameAnalyzer.analyzeQuery("Mitchell Fletcher", Schema.PERSON)).hasSize(1);
    }

    @Test
    void aFormOfAddressBeforeACustomersNameIsLeftOut() {
        assertThat(alerts("Herr Sergej Lawrow")).contains("us-ofac:35233");
        assertThat(alerts("Frau Yo Jong Kim")).contains("us-ofac:21444");
        assertThat(alerts("Señora Yo Jong Kim")).contains("us-ofac:21444");
        // ...only where two parts are left, and only in the query: a listed "MADAME GU" keeps its Madame
        assertThat(dev.sieve.match.analysis.NameAnalyzer.analyzeQuery("Madame Gu", Schema.PERSON).getFirst().tokens())
                .hasSize(2);
        assertThat(ofac.screen(new ScreeningQuery("彬 顾", null, null, null, List.of(), null, 10))).extracting(Match::id)
                .doesNotContain("us-ofac:37454");
    }

    @Test
    void otherNamesKeepTheirOwnForm() {
        // Andrew and Matthew end in -ew, not the -jew or -dew of Sergejew and Medwedew: no second form to find "Andrev"
        assertThat(dev.sieve.match.analysis.NameAnalyzer.analyzeQuery("Andrew Matthew Lewis", Schema.PERSON)).hasSize(1);
        assertThat(dev.sieve.match.analysis.NameAnalyzer.analyzeQuery("Sergej Lawrow", Schema.PERSON)).hasSize(2);
        assertThat(dev.sieve.match.analysis.NameAnalyzer.analyzeQuery("Lawrow GmbH", Schema.ORGANIZATION)).hasSize(1);
        // Franceschi's sch is Italian; Schneider, a listed name, is not read as Shneider to find every Snyder
        assertThat(dev.sieve.match.analysis.NameAnalyzer.analyzeQuery("Stephanie Franceschi", Schema.PERSON)).hasSize(1);
        assertThat(dev.sieve.match.analysis.NameAnalyzer.analyze("Simon Schneider", Schema.PERSON)).hasSize(1);
        assertThat(alerts("Simona Snyder")).doesNotContain("us-ofac:10590");
    }
}
