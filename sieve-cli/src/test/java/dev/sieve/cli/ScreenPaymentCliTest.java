package dev.sieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sieve screen-payment} on real sample messages and on one with a listed beneficiary. */
class ScreenPaymentCliTest {
    @TempDir
    Path dir;

    @Test
    void verdictsPerPaymentAndExitCodes() throws Exception {
        String un = SharedData.list("un_sc/consolidated.xml").toString();
        Path sample = SharedData.root().resolve("data/messages/iso20022_pacs008/CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml");
        CliRun clear = CliRun.sieve(dir.resolve("data"), "screen-payment", "--lists", un, sample.toString());
        assertThat(clear.code()).as(clear.err()).isZero();
        assertThat(clear.out()).startsWith("clear").contains("pacs.008").contains("20250310B1QDRCQR000001");

        Path hit = dir.resolve("hit.xml");
        Files.writeString(hit, Files.readString(sample).replaceFirst("(<Cdtr>\\s*<Nm>)[^<]*(</Nm>)",
                "$1Korea Mining Development Trading Corporation$2"));
        Path junk = dir.resolve("junk.txt");
        Files.writeString(junk, "not a payment");
        CliRun run = CliRun.sieve(dir.resolve("data"), "screen-payment", "--lists", un, "--json", hit.toString(), junk.toString());
        assertThat(run.code()).isEqualTo(ScreenPaymentCommand.NOT_CLEAR);
        assertThat(run.json().get(0).get("verdict").asText()).isEqualTo("hit");
        assertThat(run.json().get(0).get("alerts").get(0).get("match").get("id").asText()).isEqualTo("un:KPe.001");
        assertThat(run.json().get(1).get("verdict").asText()).isEqualTo("could_not_screen");
        assertThat(run.json().get(1).get("problem").asText()).contains("junk.txt");
    }
}
