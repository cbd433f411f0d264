package dev.sieve.exemptions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.model.Match;
import dev.sieve.model.Schema;
import dev.sieve.model.Sharing;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which hits an exemption covers: its dates, entities and regimes, counterparties, amount, purpose and citation. */
class CoverageTest {
    static final LocalDate DAY = LocalDate.of(2025, 3, 10);
    static final Match KPE = new Match("un:KPe.001", "KOREA MINING DEVELOPMENT TRADING CORPORATION", Schema.ORGANIZATION, "un",
            List.of(), 1.0, true, null).withObligations(List.of("un-1718"), List.of("asset_freeze"), "hold");

    static Exemption exemption(List<String> regimes, List<String> entities, List<String> counterparties, String purpose,
                               BigDecimal limit, LocalDate to) {
        return new Exemption("ex_1", "bank", "GL 21", "OFAC", regimes, entities, counterparties, purpose, limit,
                limit == null ? null : "USD", LocalDate.of(2025, 1, 1), to, null, Sharing.PRIVATE, "k", Instant.EPOCH, null, null, null);
    }

    static Coverage.PaymentCover pay(Exemption e, List<String> parties, String text, BigDecimal amount) {
        return Coverage.ofPayment(List.of(e), List.of(KPE), DAY, parties, List.of(text), "USD", amount);
    }

    @Test
    void aPaymentIsCoveredOnlyWithinEveryConditionOfTheExemption() {
        Exemption regimeWide = exemption(List.of("un-1718"), List.of(), List.of(), null, null, null);
        assertThat(pay(regimeWide, List.of("Bank A"), "Invoice 1", null).covering().getFirst()).contains(regimeWide);
        Exemption otherRegime = exemption(List.of("un-1737"), List.of(), List.of(), null, null, null);
        assertThat(pay(otherRegime, List.of("Bank A"), "Invoice 1", null).covering().getFirst()).isEmpty();

        Exemption withParty = exemption(List.of(), List.of("un:KPe.001"), List.of("Korea Railway Survey JV"), null, null, null);
        assertThat(pay(withParty, List.of("KOREA RAILWAY SURVEY J.V."), "x", null).covering().getFirst()).isPresent();
        assertThat(pay(withParty, List.of("Someone Else Ltd"), "x", null).covering().getFirst()).isEmpty();

        Exemption limited = exemption(List.of(), List.of("un:KPe.001"), List.of(), null, new BigDecimal("1000.00"), null);
        assertThat(pay(limited, List.of(), "x", new BigDecimal("999.99")).covering().getFirst()).isPresent();
        assertThat(pay(limited, List.of(), "x", new BigDecimal("1000.01")).covering().getFirst()).isEmpty();
        assertThat(pay(limited, List.of(), "x", null).covering().getFirst()).isEmpty(); // an amount unknown is not within a limit

        Exemption purpose = exemption(List.of(), List.of("un:KPe.001"), List.of(), "railway survey", null, LocalDate.of(2025, 3, 10));
        Coverage.PaymentCover cited = pay(purpose, List.of(), "Survey costs, General License no. GL 21", null);
        assertThat(cited.covering().getFirst()).isPresent();
        assertThat(cited.citations()).extracting(Coverage.Citation::status).containsExactly("covers");
        assertThat(pay(purpose, List.of(), "Survey costs", null).covering().getFirst()).isEmpty();

        Exemption ended = exemption(List.of(), List.of("un:KPe.001"), List.of(), "railway survey", null, LocalDate.of(2025, 3, 9));
        Coverage.PaymentCover late = pay(ended, List.of(), "Survey costs, GL 21", null);
        assertThat(late.covering().getFirst()).isEmpty();
        assertThat(late.citations()).extracting(Coverage.Citation::status).containsExactly("not_valid");
    }

    @Test
    void aScreeningIsCoveredOnlyByAnExemptionAskingNothingOfTheDealing() {
        Exemption plain = exemption(List.of(), List.of("un:KPe.001"), List.of(), null, null, null);
        assertThat(Coverage.ofScreening(List.of(plain), KPE, DAY)).contains(plain);
        assertThat(Coverage.ofScreening(List.of(plain), KPE, LocalDate.of(2024, 12, 31))).isEmpty(); // before it starts
        Exemption purpose = exemption(List.of(), List.of("un:KPe.001"), List.of(), "railway survey", null, null);
        assertThat(Coverage.ofScreening(List.of(purpose), KPE, DAY)).isEmpty();
        Match covered = Coverage.covered(KPE, plain);
        assertThat(covered.action()).isEqualTo("covered");
        assertThat(covered.exemption()).contains("GL 21").contains("OFAC");
    }
}
