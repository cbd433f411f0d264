package dev.sieve.match.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import org.junit.jupiter.api.Test;

class ScoringTest {
    @Test
    void editDistanceIsBoundedAndCountsTranspositionsOnce() {
        assertThat(dev.sieve.match.analysis.EditDistance.within("mohammed", "mohamemd", 2)).isEqualTo(1);
        assertThat(dev.sieve.match.analysis.EditDistance.within("putin", "biliy", 2)).isEqualTo(-1);
        assertThat(dev.sieve.match.analysis.EditDistance.within("abc", "abc", 0)).isZero();
    }

    @Test
    void oneEditScanAgreesWithTheTable() {
        assertThat(dev.sieve.match.analysis.EditDistance.within("abc", "acb", 1)).isEqualTo(1);
        assertThat(dev.sieve.match.analysis.EditDistance.within("uun", "un", 1)).isEqualTo(1);
        assertThat(dev.sieve.match.analysis.EditDistance.within("abc", "bcd", 1)).isEqualTo(-1);
        // every pair of short strings over a small alphabet: the scan (max 1) and the table (max 2) agree
        String[] words = new String[400];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < words.length; i++) {
            char[] w = new char[2 + random.nextInt(4)];
            for (int k = 0; k < w.length; k++) w[k] = "abc".charAt(random.nextInt(3));
            words[i] = new String(w);
        }
        for (String a : words) {
            for (String b : words) {
                int table = dev.sieve.match.analysis.EditDistance.within(a, b, 2);
                int scan = dev.sieve.match.analysis.EditDistance.within(a, b, 1);
                assertThat(scan).as(a + " / " + b).isEqualTo(table >= 0 && table <= 1 ? table : -1);
            }
        }
    }

    @Test
    void identifiersNormaliseAndImoNeedsItsCheckDigit() {
        assertThat(Identifiers.validImo("9339301")).isTrue();
        assertThat(Identifiers.validImo("9339302")).isFalse();
        assertThat(Identifiers.key(IdentifierType.IMO, "IMO 9339301")).isEqualTo("IMO:9339301");
        assertThat(Identifiers.key(IdentifierType.IMO, "9339302")).isNull();
        assertThat(Identifiers.key(IdentifierType.BIC, "BNCUCUHHXXX")).isEqualTo(Identifiers.key(IdentifierType.BIC, "BNCUCUHH"));
        assertThat(Identifiers.key(IdentifierType.PASSPORT, "AB-12 345")).isEqualTo(Identifiers.key(IdentifierType.NATIONAL_ID, "ab12345"));
        assertThat(Identifiers.imoInText("tanker IMO 9339301 flagged")).containsExactly(
                new Identifier(IdentifierType.IMO, "IMO", "9339301", null));
    }
}
