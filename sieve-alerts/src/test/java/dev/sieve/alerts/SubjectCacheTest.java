package dev.sieve.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.model.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cache is trusted only while it holds every committed change of subjects, whatever order they are applied in. */
class SubjectCacheTest {
    static Subject subject(String id, int version, boolean active, String name) {
        SubjectData data = new SubjectData(name, List.of(), Schema.PERSON, null, null, List.of(), Map.of());
        return new Subject("bank", id, version, active, data, data.fingerprint(), Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void heldOnlyWithoutGapsAndNeverRevivedByAnOlderRead() {
        SubjectCache cache = new SubjectCache();
        cache.apply(1, List.of(subject("a", 1, true, "Anna Meier")));
        assertThat(cache.holds(1)).isFalse(); // never built: nothing applied is kept
        assertThat(cache.active()).isEmpty();

        cache.rebuild(3);
        cache.apply(5, List.of(subject("b", 2, false, "Bruno Keller"))); // committed during the rebuild, after its start
        cache.add(cache.prepare(subject("a", 1, true, "Anna Meier")));
        cache.add(cache.prepare(subject("b", 1, true, "Bruno Keller"))); // read before its deletion: stays deleted
        cache.built();
        assertThat(cache.active()).extracting(SubjectCache.Cached::externalId).containsExactly("a");
        assertThat(cache.holds(5)).isFalse(); // 5 is held, 4 is not (another process's change): not trusted at 5

        cache.apply(4, List.of(subject("c", 1, true, "Carla Rossi"))); // late, but this process's
        assertThat(cache.holds(5)).isTrue();
        assertThat(cache.active()).extracting(SubjectCache.Cached::externalId).containsExactlyInAnyOrder("a", "c");
        assertThat(cache.active().getFirst().queries().getFirst().forms()).isNotEmpty();

        cache.abandon();
        assertThat(cache.holds(5)).isFalse();
    }
}
