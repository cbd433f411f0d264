package dev.sieve.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Enrolment screens a chunk on every core, each thread taking the next row as it finishes one. */
class OnEveryCoreTest {
    @Test
    void everyItemOnceInItsPlace() {
        List<Integer> items = IntStream.range(0, 10_000).boxed().toList();
        List<Integer> out = Monitor.onEveryCore(items, i -> i * 2);
        assertThat(out).hasSize(items.size());
        for (int i = 0; i < items.size(); i++) assertThat(out.get(i)).isEqualTo(i * 2);
        assertThat(Monitor.onEveryCore(List.<Integer>of(), i -> i)).isEmpty();
        assertThat(Monitor.onEveryCore(List.of(7), i -> i + 1)).containsExactly(8);
    }

    @Test
    void aFailureOnAnyThreadIsTheCallers() {
        List<Integer> items = IntStream.range(0, 1_000).boxed().toList();
        assertThatThrownBy(() -> Monitor.onEveryCore(items, i -> {
            if (i == 500) throw new IllegalStateException("row 500");
            return i;
        })).hasMessageContaining("row 500");
    }
}
