package dev.sieve.match.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Years one typo apart, worked out on digits (it runs for candidates by the thousand; no strings made). */
class YearTypoTest {
    @Test
    void oneDigitOffOrTwoNeighboursSwapped() {
        assertThat(Evidence.yearTypo(1964, 1969)).isTrue();
        assertThat(Evidence.yearTypo(1969, 1996)).isTrue();
        assertThat(Evidence.yearTypo(1964, 1946)).isTrue();
        assertThat(Evidence.yearTypo(1234, 2134)).isTrue();
        assertThat(Evidence.yearTypo(1972, 1962)).isTrue();
        assertThat(Evidence.yearTypo(1971, 1964)).isFalse();
        assertThat(Evidence.yearTypo(1999, 2000)).isFalse();
        assertThat(Evidence.yearTypo(1234, 4231)).isFalse(); // two digits apart swapped
        assertThat(Evidence.yearTypo(1964, 1964)).isFalse();
        assertThat(Evidence.yearTypo(999, 1999)).isFalse(); // lengths differ
    }

    @Test
    void agreesWithTheDefinitionOnTheWrittenDigits() {
        for (int a = 1890; a <= 2030; a++) {
            for (int b = 1000; b <= 2999; b++) {
                assertThat(Evidence.yearTypo(a, b)).as("%d / %d", a, b).isEqualTo(written(a, b));
            }
        }
    }

    /** The definition on the years as written: one character differs, or two neighbouring ones are swapped. */
    private static boolean written(int a, int b) {
        String x = Integer.toString(a);
        String y = Integer.toString(b);
        if (x.length() != y.length() || x.equals(y)) return false;
        for (int i = 0; i < x.length(); i++) {
            if (x.charAt(i) == y.charAt(i)) continue;
            if (x.substring(i + 1).equals(y.substring(i + 1))) return true;
            return i + 1 < x.length() && x.charAt(i) == y.charAt(i + 1) && x.charAt(i + 1) == y.charAt(i)
                    && x.substring(i + 2).equals(y.substring(i + 2));
        }
        return false;
    }
}
