package dev.sieve.channels.payment;

import dev.sieve.channels.Verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sieve.lists.ListFiles;
import dev.sieve.match.MatchEngine;
import dev.sieve.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real sample messages, and the same messages with listed names and BICs put into them. */
class PaymentScreeningTest {
    static PaymentScreening screening;

    @BeforeAll
    static void engine() throws Exception {
        MatchEngine engine = MatchEngine.build(ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml"),
                SharedData.list("ofac_sdn/2021-07_complete_set"))));
        screening = new PaymentScreening(engine::screen, engine::mayBeNamePart);
    }

    static String message(String relative) throws Exception {
        return Files.readString(SharedData.root().resolve("data/messages").resolve(relative));
    }

    static List<PaymentScreening.Result> screen(String name, String text) {
        return PaymentReader.read(name, text).stream().map(screening::screen).toList();
    }

    @Test
    void realPacs008IsReadPartyByPartyAndClear() throws Exception {
        List<Payment> payments = PaymentReader.read("s1.xml", message("iso20022_pacs008/CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml"));
        assertThat(payments).hasSize(1);
        Payment p = payments.getFirst();
        assertThat(p.format()).isEqualTo("pacs.008");
        assertThat(p.message()).isEqualTo("20250310B1QDRCQR000001");
        assertThat(p.parties()).extracting(Payment.Party::role).contains("Dbtr", "Cdtr", "DbtrAgt", "CdtrAgt");
        assertThat(p.parties().stream().filter(x -> x.role().equals("Dbtr")).findFirst().orElseThrow().name()).isEqualTo("Corporation A");
        // the value date and the amount (what a licence's validity and limit are checked against)
        assertThat(p.amount()).isEqualTo(new Payment.Amount(java.time.LocalDate.of(2025, 3, 10), "USD",
                new java.math.BigDecimal("510000.74")));
        assertThat(screening.screen(p).verdict()).isEqualTo(Verdict.CLEAR);
    }

    @Test
    void aListedCreditorInPacs008IsAHitWithItsEntityId() throws Exception {
        String xml = message("iso20022_pacs008/CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml")
                .replaceFirst("(<Cdtr>\\s*<Nm>)[^<]*(</Nm>)", "$1Korea Mining Development Trading Corporation$2");
        PaymentScreening.Result r = screen("hit.xml", xml).getFirst();
        assertThat(r.verdict()).isEqualTo(Verdict.HIT);
        assertThat(r.alerts()).anySatisfy(a -> {
            assertThat(a.field()).isEqualTo("Cdtr");
            assertThat(a.match().id()).isEqualTo("un:KPe.001");
        });
    }

    @Test
    void remittanceTextAndAListedBicAreScreened() throws Exception {
        String xml = message("iso20022_pacs008/CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml")
                .replaceFirst("(<CdtrAgt>\\s*<FinInstnId>)", "$1<BICFI>HAVIGB2LXXX</BICFI>")
                .replaceFirst("<RmtInf>", "<RmtInf><Ustrd>PAYMENT FOR USAMA BIN LADIN INV 2291</Ustrd>");
        PaymentScreening.Result r = screen("text.xml", xml).getFirst();
        assertThat(r.verdict()).isEqualTo(Verdict.HIT);
        assertThat(r.alerts()).anySatisfy(a -> {
            assertThat(a.field()).isEqualTo("RmtInf/Ustrd");
            assertThat(a.match().id()).isEqualTo("us-ofac:6365");
        });
        assertThat(r.alerts()).anySatisfy(a -> {
            assertThat(a.field()).isEqualTo("CdtrAgt BIC");
            assertThat(a.match().id()).isEqualTo("us-ofac:906");
        });
    }

    @Test
    void pain001TakesTheDebtorFromItsPaymentInformation() throws Exception {
        List<Payment> payments = PaymentReader.read("pain.xml", message("iso20022_pain001/musterfile_pain.001_Nov2020.xml"));
        assertThat(payments).hasSizeGreaterThan(1);
        assertThat(payments).allSatisfy(p -> {
            assertThat(p.format()).isEqualTo("pain.001");
            assertThat(p.parties()).extracting(Payment.Party::role).contains("Dbtr", "Cdtr");
            assertThat(p.amount().valueDate()).isNotNull(); // the payment information's requested execution date
            assertThat(p.amount().currency()).hasSize(3);
        });
        assertThat(payments.stream().map(screening::screen).map(PaymentScreening.Result::verdict)).doesNotContain(Verdict.HIT);
    }

    @Test
    void mt103BatchEveryMessageReadAndAListedBeneficiaryHit() throws Exception {
        String rje = message("swift_mt103/MT103-out-ack.rje");
        List<Payment> payments = PaymentReader.read("out.rje", rje);
        assertThat(payments).hasSizeGreaterThanOrEqualTo(10);
        assertThat(payments).allSatisfy(p -> assertThat(p.amount().valueDate()).isNotNull()); // field 32A
        assertThat(payments.getFirst().parties()).anySatisfy(p -> {
            assertThat(p.role()).isEqualTo("50K");
            assertThat(p.name()).isEqualTo("FOO CAPITAL MARKETS LP");
        });
        String hit = rje.replaceFirst("MERCADOS Y GESTION DE VALORES SA", "USAMA BIN LADIN")
                .replaceFirst(":70:FINDERS FEES", ":70:HAMZA BIN LADEN FEES");
        List<PaymentScreening.Result> results = screen("hit.rje", hit);
        PaymentScreening.Result first = results.getFirst();
        assertThat(first.verdict()).isEqualTo(Verdict.HIT);
        assertThat(first.alerts()).anySatisfy(a -> {
            assertThat(a.field()).isEqualTo("59");
            assertThat(a.match().id()).isEqualTo("us-ofac:6365");
        });
        assertThat(first.alerts()).anySatisfy(a -> assertThat(a.field()).isEqualTo("70"));
        assertThat(results.subList(1, results.size())).allSatisfy(r -> assertThat(r.verdict()).isNotEqualTo(Verdict.HIT));
    }

    @Test
    void badMessagesAreReportedNeverCleared(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> PaymentReader.read("notes.txt", "hello world")).isInstanceOf(PaymentFormatException.class)
                .hasMessageContaining("notes.txt");
        assertThatThrownBy(() -> PaymentReader.read("broken.xml", "<Document><FIToFICstmrCdtTrf>")).isInstanceOf(PaymentFormatException.class)
                .hasMessageContaining("broken.xml");
        assertThatThrownBy(() -> PaymentReader.read("camt.xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt/></Document>"))
                .isInstanceOf(PaymentFormatException.class).hasMessageContaining("BkToCstmrStmt");
        String mt202 = "{1:F01BICFOOYYAXXX8667486276}{2:O2021610191014BBBBUS3NBXXX63382244921910142210N}{4:\n:20:X1\n:21:Y\n:32A:191014USD1,00\n:58A:BICFOOYY\n-}";
        PaymentScreening.Result r = screen("mt202.fin", mt202).getFirst();
        assertThat(r.verdict()).isEqualTo(Verdict.COULD_NOT_SCREEN);
        assertThat(r.problem()).contains("MT202");
        String noCreditor = message("iso20022_pacs008/CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml")
                .replaceFirst("(?s)<Cdtr>.*?</Cdtr>", "");
        PaymentScreening.Result nc = screen("nocdtr.xml", noCreditor).getFirst();
        assertThat(nc.verdict()).isEqualTo(Verdict.COULD_NOT_SCREEN);
        assertThat(nc.problem()).contains("Cdtr");
    }

    @Test
    void freeTextIsScreenedWithinABoundAndTheRestHeldForReview() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        PaymentScreening counting = new PaymentScreening(q -> {
            calls.incrementAndGet();
            return List.of();
        });
        // a crafted message: twenty texts of two hundred name-like words each
        String words = String.join(" ", java.util.Collections.nCopies(50, "MOHAMMED ALI HASSAN KHAN"));
        List<Payment.Text> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) texts.add(new Payment.Text("RmtInf/Ustrd", words));
        Payment crafted = new Payment("crafted.xml", "pacs.008", "REF", List.of(new Payment.Party("Cdtr", "Jane Roe", null, null, List.of())),
                texts, null, Payment.Amount.UNKNOWN);
        PaymentScreening.Result r = counting.screen(crafted);
        assertThat(calls.get()).isLessThanOrEqualTo(1 + PaymentScreening.MAX_TEXT_RUNS);
        assertThat(r.verdict()).isEqualTo(Verdict.COULD_NOT_SCREEN);
        assertThat(r.problem()).contains("free text of 4000 words").contains("review");

        // an ordinary remittance line is screened whole and the payment can be clear
        calls.set(0);
        Payment ordinary = new Payment("ok.xml", "pacs.008", "REF", List.of(new Payment.Party("Cdtr", "Jane Roe", null, null, List.of())),
                List.of(new Payment.Text("RmtInf/Ustrd", "Invoice 4711 for consulting services March")), null, Payment.Amount.UNKNOWN);
        PaymentScreening.Result ok = counting.screen(ordinary);
        assertThat(ok.verdict()).isEqualTo(Verdict.CLEAR);
        assertThat(ok.problem()).isNull();
    }
}
