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
