package dev.sieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sieve regimes}, and {@code lists load} telling of programmes no regime maps. */
class RegimesCliTest {
    @TempDir
    Path dir;

    @Test
    void regimesWithTheirMeasuresOnADayAndOneRegimesHistory() throws Exception {
        CliRun all = CliRun.sieve(dir.resolve("data"), "regimes");
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(all.out()).contains("un-1718").contains("us-ofac-sdgt").contains("uk-russia");

        CliRun iran2020 = CliRun.sieve(dir.resolve("data"), "regimes", "un-1737", "--as-of", "2020-01-01");
        assertThat(iran2020.out()).contains("asset_freeze: lifted on 2020-01-01").contains("2016-01-16  lifted  Implementation Day");
        var json = CliRun.sieve(dir.resolve("data"), "regimes", "--json", "--as-of", "2026-01-01").json();
        assertThat(json.get("as_of").asText()).isEqualTo("2026-01-01");
        assertThat(json.get("regimes").size()).isGreaterThan(100);

        CliRun unknown = CliRun.sieve(dir.resolve("data"), "regimes", "un-9999");
        assertThat(unknown.code()).isEqualTo(ExitCodes.ERROR);
        assertThat(unknown.err()).contains("no regime 'un-9999'");
        CliRun badDate = CliRun.sieve(dir.resolve("data"), "regimes", "--as-of", "2020-13-01");
        assertThat(badDate.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badDate.err()).contains("--as-of").contains("2020-13-01");
    }

    @Test
    void aLoadTellsOfProgrammesNoRegimeMaps() {
        CliRun un = CliRun.sieve(dir.resolve("data"), "lists", "load", SharedData.list("un_sc/consolidated.xml").toString());
        assertThat(un.code()).as(un.err()).isZero();
        assertThat(un.err()).doesNotContain("no regime");
        // what applied on a day: the list then in force times the measures' history
        CliRun march = CliRun.sieve(dir.resolve("data"), "entity", "un:IRi.001", "--on", "2026-03-01");
        assertThat(march.out()).contains("on 2026-03-01: listed by publication")
                .contains("un-1737").contains("asset_freeze reimposed since 2025-09-28 (Snapback)");
        assertThat(CliRun.sieve(dir.resolve("data"), "entity", "un:IRi.001", "--on", "2026-01-01").out())
                .contains("on 2026-01-01: not listed");
        assertThat(CliRun.sieve(dir.resolve("data"), "entity", "un:IRi.001", "--on", "March").code()).isEqualTo(ExitCodes.USAGE);
        // OpenSanctions' records carry each authority's own programme texts, which the catalogue does not map
        CliRun ftm = CliRun.sieve(dir.resolve("data"), "lists", "load",
                SharedData.list("opensanctions_ftm/yente_zala/entities.ftm.json").toString());
        assertThat(ftm.code()).as(ftm.err()).isZero();
        assertThat(ftm.err()).contains("programmes name no regime of the catalogue").contains("'Reciprocal' (2 records)")
                .contains("more (--json lists them)");
    }
}
