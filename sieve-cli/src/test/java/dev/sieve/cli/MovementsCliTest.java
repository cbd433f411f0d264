package dev.sieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sieve movements confirm} and {@code sieve movements ID} on a real embedded databank. */
class MovementsCliTest {
    @TempDir
    Path dir;

    CliRun sieve(String... args) {
        return CliRun.sieve(dir.resolve("data"), args);
    }

    @Test
    void confirmedSightingsFormAnItineraryInTimeOrder() throws Exception {
        assertThat(sieve("lists", "load", SharedData.list("un_sc/consolidated.xml").toString()).code()).isZero();
        CliRun later = sieve("movements", "confirm", "--entity", "un:KPi.009", "--flight", "SU100", "--from", "SVO",
                "--departure", "2026-03-02T10:15", "--to", "PEK", "--document", "P 645120196");
        assertThat(later.code()).as(later.err()).isZero();
        assertThat(sieve("movements", "confirm", "--entity", "un:KPi.009", "--flight", "JS152", "--from", "FNJ",
                "--departure", "2026-03-01T08:00", "--to", "SVO").code()).isZero();
        CliRun list = sieve("movements", "un:KPi.009", "--json");
        assertThat(list.code()).isZero();
        assertThat(list.json()).extracting(n -> n.get("flight").asText()).containsExactly("JS152", "SU100");
        CliRun unknown = sieve("movements", "confirm", "--entity", "un:NOPE", "--flight", "X1", "--from", "AAA",
                "--departure", "2026-03-01T08:00", "--to", "BBB");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no entity");
        CliRun badTime = sieve("movements", "confirm", "--entity", "un:KPi.009", "--flight", "X1", "--from", "AAA",
                "--departure", "soon", "--to", "BBB");
        assertThat(badTime.code()).isEqualTo(1);
        assertThat(badTime.err()).contains("--departure");
    }
}
