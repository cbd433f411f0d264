package dev.sieve.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Customers carry the first and family name of a long Arab name; the father's and grandfather's names
 * between, after "bin" or "abu", are what they leave out. A Western middle name is not such a lineage.
 */
class ShortFormsTest {
    private final MatchEngine neutral = MatchEngine.build(List.of());

    private double score(String query, String listed) {
        return neutral.compareAsScreened(query, listed, Schema.PERSON).score();
    }

    @Test
    void firstAndFamilyNameOfALongArabNameScoreHigh() {
        double shortForm = score("Aisha Qadhafi", "AISHA MUAMMAR MUHAMMED ABU MINYAR QADHAFI");
        assertThat(shortForm).isGreaterThanOrEqualTo(0.78);
        assertThat(score("Tariq Harzi", "TARIQ BIN AL-TAHAR BIN AL FALIH AL-AWNI AL-HARZI")).isGreaterThanOrEqualTo(0.78);
        // a part the listed name does not have, or a lineage not between first and last, is no short form
        assertThat(score("Aisha Salem Qadhafi", "AISHA MUAMMAR MUHAMMED ABU MINYAR QADHAFI")).isLessThan(shortForm);
        assertThat(score("Fernando Castro", "FERNANDO JOSE MARIA CASTRO")).isLessThan(shortForm);
    }
}
