package dev.sieve.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.model.Match;
import dev.sieve.model.Schema;
import dev.sieve.regimes.RegimeCatalogue;
import dev.sieve.store.Actor;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts follow what their listing obliges: a covered one re-opens when its exemption lapses; a lifted measure is noted. */
class AlertObligationsTest {
    @TempDir
    Path dir;

    static final Actor BANK = new Actor("bank", "k1");

    static Hit hit(String subject, Match m) {
        return new Hit(AlertStore.ORIGIN_MONITORING, subject, "f".repeat(64), m, "e".repeat(64), java.util.List.of());
    }

    static Match iran() {
        return new Match("un:IRi.001", "Listed Person", Schema.PERSON, "un", List.of(), 0.95, true, null)
                .withObligations(List.of("un-1737"), List.of("asset_freeze", "travel_ban"), "hold");
    }

    @Test
    void aCoveredAlertReopensWhenItsExemptionLapsesOnce() throws Exception {
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir))) {
            store.agencies().create(Actor.cli(), "bank", "A bank");
            AlertStore alerts = new AlertStore(store);
            Match covered = iran().withAction("covered").withExemption("ex_abc: GL 1 (OFAC), valid 2025-01-01 until revoked");
            Alert a = alerts.raise(BANK, List.of(hit("c-1", covered))).getFirst();
            assertThat(a.state()).isEqualTo(AlertState.COVERED);
            assertThat(alerts.history(a).getFirst().note()).contains("covered by exemption ex_abc");
            // raised again while covered: not twice
            assertThat(alerts.raise(BANK, List.of(hit("c-1", covered)))).isEmpty();

            assertThat(alerts.reopenLapsed(id -> true)).isZero();
            assertThat(alerts.reopenLapsed(id -> !id.equals("ex_abc"))).isEqualTo(1);
            Alert reopened = alerts.alert("bank", a.id()).orElseThrow();
            assertThat(reopened.state()).isEqualTo(AlertState.OPEN);
            assertThat(alerts.history(reopened).getLast().note()).contains("ex_abc");
            assertThat(alerts.reopenLapsed(id -> false)).isZero();
        }
    }

    @Test
    void aMeasureLiftedSinceTheAlertIsNotedWithItsDateAndActOnce() throws Exception {
        try (SieveStore store = SieveStore.open(StoreConfig.h2(dir))) {
            store.agencies().create(Actor.cli(), "bank", "A bank");
            AlertStore alerts = new AlertStore(store);
            Alert a = alerts.raise(BANK, List.of(hit("c-2", iran()))).getFirst();
            RegimeCatalogue catalogue = RegimeCatalogue.standard();
            assertThat(alerts.noteLiftedMeasures(catalogue, LocalDate.of(2026, 12, 6))).isZero(); // both bind today
            // seen from a day after Implementation Day, both measures it was raised under were lifted
            assertThat(alerts.noteLiftedMeasures(catalogue, LocalDate.of(2020, 1, 1))).isEqualTo(2);
            assertThat(alerts.history(alerts.alert("bank", a.id()).orElseThrow())).extracting(AlertEvent::note)
                    .contains("asset_freeze of un-1737 lifted on 2016-01-16 (Implementation Day)");
            assertThat(alerts.noteLiftedMeasures(catalogue, LocalDate.of(2020, 1, 1))).isZero();
        }
    }
}
