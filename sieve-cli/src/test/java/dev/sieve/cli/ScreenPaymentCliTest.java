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
        assertThat(run.code()).isEqualTo(ExitCodes.NOT_CLEAR);
        assertThat(run.json().get(0).get("verdict").asText()).isEqualTo("hit");
        assertThat(run.json().get(0).get("alerts").get(0).get("match").get("id").asText()).isEqualTo("un:KPe.001");
        // a party listed under the DPRK regime, whose asset freeze binds: the payment is held
        assertThat(run.json().get(0).get("alerts").get(0).get("match").get("regimes").toString()).isEqualTo("[\"un-1718\"]");
        assertThat(run.json().get(0).get("alerts").get(0).get("match").get("action").asText()).isEqualTo("hold");
        assertThat(run.json().get(0).get("action").asText()).isEqualTo("hold");
        assertThat(run.json().get(1).has("action")).isFalse();
        assertThat(run.json().get(1).get("verdict").asText()).isEqualTo("could_not_screen");
        assertThat(run.json().get(1).get("problem").asText()).contains("junk.txt");

        // a hit on a terminal is explained as `screen` explains it
        CliRun text = CliRun.sieve(dir.resolve("data"), "screen-payment", "--lists", un, hit.toString());
        assertThat(text.out()).contains("HIT").contains("un:KPe.001").contains("matched \"").contains("exact")
                .contains("action: hold").contains("un-1718: asset_freeze, travel_ban, arms_embargo, sectoral -> hold");
    }

    @Test
    void messagesAsNetworksDeliverThem() throws Exception {
        String un = SharedData.list("un_sc/consolidated.xml").toString();
        Path acked = SharedData.root().resolve("data/messages/swift_mt103/MT103-bulk-with-ack.rje");
        CliRun r = CliRun.sieve(dir.resolve("data"), "screen-payment", "--lists", un, acked.toString());
        // each MT103 behind its ACK is read and screened
        assertThat(r.out().lines().filter(l -> l.contains("MT103-bulk-with-ack.rje")).toList()).hasSize(3)
                .allSatisfy(l -> assertThat(l).startsWith("clear").contains("MT103 "));
        assertThat(r.out() + r.err()).doesNotContain("MTnull").doesNotContain("WARNING");

        Path sample = SharedData.root().resolve("data/messages/iso20022_pacs008/CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml");
        byte[] whole = Files.readAllBytes(sample);
        Path truncated = Files.write(dir.resolve("truncated.xml"), java.util.Arrays.copyOf(whole, whole.length / 2));
        CliRun broken = CliRun.sieve(dir.resolve("data"), "screen-payment", "--lists", un, truncated.toString());
        assertThat(broken.code()).isEqualTo(ExitCodes.NOT_CLEAR);
        assertThat(broken.out()).containsPattern("truncated.xml: not well-formed XML at line \\d+, column \\d+");
        assertThat(broken.out() + broken.err()).doesNotContain("SAXParseException").doesNotContain("\tat ").doesNotContain("[Fatal Error]");
    }

    @Test
    void aNakIsReported() {
        String nak = "{1:F21AAAAUSLAAXXX5195167828}{4:{177:1704260717}{451:1}{405:T27}}{1:F01AAAAUSLAAXXX5195167828}"
                + "{2:O1031612170425BBBBUS33BXXX01613135551704260717N}{4:\n:20:REF1\n:23B:CRED\n:32A:190425USD3700,\n"
                + ":50K:/0000000000\nJOHN DOE\n:59:/0000000000\nJANE ROE\n:71A:SHA\n-}";
        var payments = dev.sieve.channels.payment.PaymentReader.read("nak.rje", nak);
        assertThat(payments).singleElement().satisfies(p -> {
            assertThat(p.reference()).isEqualTo("REF1");
            assertThat(p.problem()).contains("NAK T27");
        });
    }
}
