package dev.sieve.databank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronTest {
    private static ZonedDateTime at(String t) {
        return ZonedDateTime.parse(t + "Z");
    }

    @Test
    void theNextMinuteEachExpressionNames() {
        assertThat(Cron.parse("17 */4 * * *").next(at("2026-12-06T23:41:10"))).isEqualTo(at("2026-12-07T00:17:00"));
        assertThat(Cron.parse("17 */4 * * *").next(at("2026-12-07T00:17:00"))).isEqualTo(at("2026-12-07T04:17:00"));
        assertThat(Cron.parse("0 9 * * 1-5").next(at("2026-12-04T10:00:00"))).as("Friday after nine: Monday").isEqualTo(at("2026-12-07T09:00:00"));
        assertThat(Cron.parse("*/15 * * * *").next(at("2026-12-06T10:14:59"))).isEqualTo(at("2026-12-06T10:15:00"));
        assertThat(Cron.parse("0 6,18 * * *").next(at("2026-12-06T07:00:00"))).isEqualTo(at("2026-12-06T18:00:00"));
        assertThat(Cron.parse("0 0 1 1 *").next(at("2026-12-06T07:00:00"))).isEqualTo(at("2027-01-01T00:00:00"));
        assertThat(Cron.parse("0 12 * * 7").next(at("2026-12-06T13:00:00"))).as("7 is Sunday").isEqualTo(at("2026-12-13T12:00:00"));
        // both day fields restricted: either day runs (crontab(5))
        assertThat(Cron.parse("0 0 13 * 5").next(at("2026-12-06T00:00:00"))).isEqualTo(at("2026-12-11T00:00:00"));
        assertThat(Cron.parse("0 0 29 2 *").next(at("2026-03-01T00:00:00"))).isEqualTo(at("2028-02-29T00:00:00"));
    }

    @Test
    void badExpressionsAreNamedByTheirField() {
        assertThatThrownBy(() -> Cron.parse("* * * *")).hasMessageContaining("five");
        assertThatThrownBy(() -> Cron.parse("60 * * * *")).hasMessageContaining("minute").hasMessageContaining("60");
        assertThatThrownBy(() -> Cron.parse("0 5-2 * * *")).hasMessageContaining("hour").hasMessageContaining("backwards");
        assertThatThrownBy(() -> Cron.parse("0 0 * * mon")).hasMessageContaining("day of week");
        assertThatThrownBy(() -> Cron.parse("0 0 31 2 *").next(at("2026-01-01T00:00:00"))).hasMessageContaining("no time");
    }
}
