package dev.sieve.match.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LongKeyedMemoTest {
    @Test
    void aKeyIsComputedOnceWhileItKeepsItsSlot() {
        LongKeyedMemo<String> memo = new LongKeyedMemo<>(1 << 10);
        AtomicInteger calls = new AtomicInteger();
        assertThat(memo.get(42L, k -> "v" + k + "/" + calls.incrementAndGet())).isEqualTo("v42/1");
        assertThat(memo.get(42L, k -> "v" + k + "/" + calls.incrementAndGet())).isEqualTo("v42/1");
        assertThat(calls).hasValue(1);
    }

    @Test
    void keysThatShareASlotAreEachAnsweredWithTheirOwnValue() {
        // two slots and a thousand keys: slots are taken over all the time, answers stay right
        LongKeyedMemo<Long> memo = new LongKeyedMemo<>(2);
        for (int round = 0; round < 3; round++) {
            for (long k = 0; k < 1000; k++) assertThat(memo.get(k << 43 | k, key -> key * 3)).isEqualTo((k << 43 | k) * 3);
        }
    }

    @Test
    void threadsRacingForSlotsNeverSeeAnotherKeysValue() {
        LongKeyedMemo<Long> memo = new LongKeyedMemo<>(64);
        long wrong = LongStream.range(0, 200_000).parallel()
                .filter(i -> memo.get(i % 5000, key -> -key) != -(i % 5000)).count();
        assertThat(wrong).isZero();
    }

    @Test
    void theSlotCountMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new LongKeyedMemo<String>(100)).isInstanceOf(IllegalArgumentException.class);
    }
}
