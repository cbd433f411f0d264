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
        // listed under the DPRK regime, whose travel ban binds: boarding refused and referred
        var kim = travellers.get(0).get("alerts").get(0);
        assertThat(kim.get("regimes").toString()).isEqualTo("[\"un-1718\"]");
        assertThat(kim.get("measures").toString()).contains("travel_ban").contains("asset_freeze");
        assertThat(kim.get("action").asText()).isEqualTo("deny_boarding_refer");
        assertThat(travellers.get(0).get("action").asText()).isEqualTo("deny_boarding_refer");
        assertThat(travellers.get(1).has("action")).isFalse();

        // listed under the Iraq regime (1518): an asset freeze and no travel ban, so the traveller flies and is notified
        Path iraq = dir.resolve("iraq.txt");
        Files.writeString(iraq, Files.readString(sample).replace("CLARK:MICHAEL'\n ATT+2++M'\n DTM+329:720907",
                "SULTAN:JAMAL MUSTAFA ABDALLAH'\n ATT+2++M'\n DTM+329:550504"));
        CliRun notify = CliRun.sieve(dir.resolve("data"), "screen-manifest", "--lists", un, "--json", iraq.toString());
        var jamal = notify.json().get(0).get("travellers").get(0);
        assertThat(jamal.get("alerts").get(0).get("id").asText()).isEqualTo("un:IQi.022");
        assertThat(jamal.get("alerts").get(0).get("measures").toString()).isEqualTo("[\"asset_freeze\"]");
        assertThat(jamal.get("action").asText()).isEqualTo("notify");
        CliRun text = CliRun.sieve(dir.resolve("data"), "screen-manifest", "--lists", un, iraq.toString());
        assertThat(text.out()).contains("action: notify").contains("un-1518: asset_freeze -> notify");
    }

    @Test
    void aFileOfMachineReadableZonesScreensEachZone() throws Exception {
        String un = SharedData.list("un_sc/consolidated.xml").toString();
        Path specimens = SharedData.root().resolve("data/messages/icao_mrz/icao9303_specimens.txt");
        CliRun clear = CliRun.sieve(dir.resolve("data"), "screen-manifest", "--lists", un, specimens.toString());
        assertThat(clear.code()).as(clear.err()).isEqualTo(ExitCodes.CLEAR);
        assertThat(clear.out()).contains("6 machine-readable zones").contains("line 6 ANNA MARIA ERIKSSON")
                .contains("line 27 ANNA MARIA ERIKSSON");

        // a desk's log: the specimen and a listed person's passport (check digits computed as ICAO 9303 says)
        Path log = dir.resolve("desk.log");
        Files.writeString(log, Files.readString(specimens) + "\n" + td3("KIM", "KWANG IL", "PRK", "690901", "M") + "\n");
        CliRun hit = CliRun.sieve(dir.resolve("data"), "screen-manifest", "--lists", un, log.toString());
        assertThat(hit.code()).as(hit.err()).isEqualTo(ExitCodes.NOT_CLEAR);
        assertThat(hit.out()).contains("7 machine-readable zones").contains("HIT").contains("KWANG IL KIM")
                .contains("-> un:KPi.").contains("matched \"");
    }

    /** A TD3 passport zone with valid check digits. */
    static String td3(String surname, String given, String nationality, String birth, String sex) {
        String line1 = pad("P<" + nationality + surname + "<<" + given.replace(' ', '<'), 44);
        String number = "PS1234567";
        String expiry = "300101";
        String optional = pad("", 14);
        String body = number + check(number) + nationality + birth + check(birth) + sex + expiry + check(expiry) + optional + check(optional);
        String composite = body.substring(0, 10) + body.substring(13, 20) + body.substring(21, 43);
        return line1 + "\n" + body + check(composite);
    }

    private static String pad(String s, int length) {
        return (s + "<".repeat(length)).substring(0, length);
    }

    private static int check(String s) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int v = c == '<' ? 0 : Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * weights[i % 3];
        }
        return sum % 10;
    }
}
