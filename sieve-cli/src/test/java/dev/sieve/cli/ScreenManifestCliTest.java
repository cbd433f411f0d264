package dev.sieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sieve screen-manifest} on a real PAXLST sample and on one with a listed traveller. */
class ScreenManifestCliTest {
    @TempDir
    Path dir;

    @Test
    void flightAndAVerdictPerTraveller() throws Exception {
        String un = SharedData.list("un_sc/consolidated.xml").toString();
        Path sample = SharedData.root().resolve("data/messages/paxlst/apisMessage.txt");
        CliRun clear = CliRun.sieve(dir.resolve("data"), "screen-manifest", "--lists", un, sample.toString());
        assertThat(clear.code()).as(clear.err()).isZero();
        assertThat(clear.out()).contains("flight AA123").contains("clear").contains("MICHAEL CLARK");

        Path hit = dir.resolve("hit.txt");
        Files.writeString(hit, Files.readString(sample).replace("CLARK:MICHAEL'\n ATT+2++M'\n DTM+329:720907",
                "KIM:KWANG IL'\n ATT+2++M'\n DTM+329:690901"));
        CliRun run = CliRun.sieve(dir.resolve("data"), "screen-manifest", "--lists", un, "--json", hit.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.NOT_CLEAR);
        var travellers = run.json().get(0).get("travellers");
        assertThat(travellers.get(0).get("verdict").asText()).isEqualTo("hit");
        assertThat(travellers.get(0).get("alerts").get(0).get("id").asText()).startsWith("un:KPi.");
        assertThat(travellers.get(1).get("verdict").asText()).isEqualTo("clear");
    }
}
