package dev.sieve.match.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void theLetterBoundNeverRulesOutAPairTheTableAllows() {
        // a small alphabet with letters 64 apart ('a' and '!', 'b' and '"'), which share a bit of the filter
        String alphabet = "abcde!\"";
        Random random = new Random(11);
        String[] words = new String[500];
        for (int i = 0; i < words.length; i++) {
            char[] w = new char[3 + random.nextInt(8)];
            for (int k = 0; k < w.length; k++) w[k] = alphabet.charAt(random.nextInt(alphabet.length()));
            words[i] = new String(w);
        }
        int ruledOut = 0;
        for (String a : words) {
            for (String b : words) {
                int d = EditDistance.table(a, b, 20);
                assertThat(EditDistance.lettersApart(a, b)).as(a + " / " + b).isLessThanOrEqualTo(d);
                assertThat(EditDistance.within(a, b, 2)).as(a + " / " + b).isEqualTo(d <= 2 ? d : -1);
                if (EditDistance.lettersApart(a, b) > 2) ruledOut++;
            }
        }
        assertThat(ruledOut).as("the bound does rule pairs out").isPositive();
    }

    @Test
    void letterBoundCountsLettersOnOneSideOnly() {
        assertThat(EditDistance.lettersApart("kristensen", "laakkonen")).isEqualTo(4); // r i s t / l a k o
        assertThat(EditDistance.lettersApart("mohammed", "mohamemd")).isZero();
        assertThat(EditDistance.within("kristensen", "kristiansen", 2)).isEqualTo(2);
    }
}
