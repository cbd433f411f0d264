package dev.sieve.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {
    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-06T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final ConsoleSessions sessions = new ConsoleSessions(Duration.ofMinutes(30), Duration.ofHours(12), clock);

    @Test
    void aSessionStandsForItsKeyWithItsOwnRandomIdAndToken() {
        var a = sessions.open("sk_a");
        var b = sessions.open("sk_a");
        assertThat(a.id()).isNotEqualTo(b.id()).hasSizeGreaterThanOrEqualTo(43).doesNotContain("sk_a");
        assertThat(a.csrf()).isNotEqualTo(a.id()).isNotEqualTo(b.csrf());
        assertThat(sessions.find(a.id())).get().extracting(ConsoleSessions.Session::apiKey).isEqualTo("sk_a");
        assertThat(a.toString()).doesNotContain(a.id(), a.csrf(), "sk_a");
        assertThat(sessions.find("not-a-session")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void idleSessionsExpireAndUseKeepsThemAliveUpToTheirLifetime() {
        var s = sessions.open("sk");
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id())).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id())).as("used 29 minutes ago").isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        assertThat(sessions.find(s.id())).as("idle for 30 minutes").isEmpty();

        var kept = sessions.open("sk");
        for (int i = 0; i < 12 * 3; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(20));
            if (i < 12 * 3 - 1) assertThat(sessions.find(kept.id())).isPresent();
        }
        assertThat(sessions.find(kept.id())).as("12 hours after sign-in, however busy").isEmpty();
    }

    @Test
    void signingOutEndsTheSession() {
        var s = sessions.open("sk");
        sessions.close(s.id());
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void csrfTokensAreComparedExactly() {
        var s = sessions.open("sk");
        assertThat(ConsoleSessions.csrfMatches(s, s.csrf())).isTrue();
        assertThat(ConsoleSessions.csrfMatches(s, s.csrf() + "x")).isFalse();
        assertThat(ConsoleSessions.csrfMatches(s, "")).isFalse();
        assertThat(ConsoleSessions.csrfMatches(s, null)).isFalse();
        assertThat(ConsoleSessions.csrfMatches(s, sessions.open("sk").csrf())).as("another session's token").isFalse();
    }

    @Test
    void aFullTableDropsExpiredSessionsThenTheLeastRecentlyUsed() {
        var first = sessions.open("sk");
        clock.now = clock.now.plusSeconds(1);
        for (int i = 1; i < ConsoleSessions.MAX_SESSIONS; i++) sessions.open("sk");
        clock.now = clock.now.plusSeconds(1);
        var recent = sessions.open("sk");
        assertThat(sessions.size()).isLessThanOrEqualTo(ConsoleSessions.MAX_SESSIONS);
        assertThat(sessions.find(first.id())).isEmpty();
        assertThat(sessions.find(recent.id())).isPresent();
    }

    @Test
    void nonsenseDurationsAreRefused() {
        assertThatThrownBy(() -> new ConsoleSessions(Duration.ZERO, Duration.ofHours(1), clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsoleSessions(Duration.ofHours(2), Duration.ofHours(1), clock)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pagesAreKnownByTheirFirstSegmentAndAssetsByAPlainName() {
        assertThat(ConsoleAssets.isPage("/")).isTrue();
        assertThat(ConsoleAssets.isPage("/entity/un:KPi.033")).isTrue();
        assertThat(ConsoleAssets.isPage("/lists/us-ofac-sdn/diff")).isTrue();
        assertThat(ConsoleAssets.isPage("/v1/screen")).isFalse();
        assertThat(ConsoleAssets.isPage("/screening")).isFalse();
        ConsoleAssets assets = new ConsoleAssets();
        assertThat(assets.shell().contentType()).startsWith("text/html");
        assertThat(assets.asset("app.js")).isPresent();
        assertThat(assets.asset("../index.html")).isEmpty();
        assertThat(assets.asset("index.html")).as("the shell only at a page's address").isEmpty();
        assertThat(assets.asset("missing.js")).isEmpty();
    }
}
