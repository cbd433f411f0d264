package dev.sieve.lists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.model.BirthDate;
import dev.sieve.model.Entity;
import dev.sieve.model.EntityBuilder;
import dev.sieve.model.Gender;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.Name;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import org.junit.jupiter.api.Test;

class OfacRemarksTest {
    private static Entity apply(String remarks) {
        EntityBuilder b = Entity.builder("us-ofac:1", "us-ofac-sdn", Schema.PERSON).primaryName("X");
        OfacRemarks.apply(remarks, b);
        return b.build();
    }

    @Test
    void liftsStructuredFactsFromRemarks() {
        Entity e = apply("DOB 17 Apr 1993; alt. DOB circa 1990; DOB 1960 to 1962; POB Moscow, Russia; nationality Russia; "
                + "Passport 2018278055 (Russia); Gender Male; a.k.a. 'LOCKBITSUPP'; "
                + "Vessel Registration Identification IMO 9339301; MMSI 636013272; SWIFT/BIC BNCUCUHH; "
                + "Digital Currency Address - XBT 1EfMVkxQQuZfBdocpJu6RUsCJvenQWbQyE; Linked To: SOME CO., LTD.");
        assertThat(e.birthDates()).containsExactly(BirthDate.exact(new PartialDate(1993, 4, 17)),
                new BirthDate(PartialDate.ofYear(1990), null, true),
                new BirthDate(PartialDate.ofYear(1960), PartialDate.ofYear(1962), false));
        assertThat(e.birthPlaces()).containsExactly("Moscow, Russia");
        assertThat(e.nationalities()).containsExactly("RU");
        assertThat(e.gender()).isEqualTo(Gender.MALE);
        assertThat(e.names()).contains(Name.alias("LOCKBITSUPP", true));
        assertThat(e.identifiers()).contains(
                new Identifier(IdentifierType.PASSPORT, "Passport", "2018278055", "RU"),
                new Identifier(IdentifierType.IMO, "Vessel Registration Identification IMO", "9339301", null),
                new Identifier(IdentifierType.MMSI, "MMSI", "636013272", null),
                new Identifier(IdentifierType.BIC, "SWIFT/BIC", "BNCUCUHH", null));
        assertThat(e.identifiers()).extracting(Identifier::type).contains(IdentifierType.CRYPTO_WALLET);
    }

    @Test
    void apostrophesInsideWordsAreNotQuotes() {
        Entity e = apply("Title: Chairman of the Workers' Party of Korea; a.k.a. 'O''NEIL; DOB 1970'; nationality Korea, North");
        assertThat(e.nationalities()).containsExactly("KP");
    }

    @Test
    void unreadableItemsStayInTheRemarksOnly() {
        Entity e = apply("DOB sometime in the sixties; Passport");
        assertThat(e.birthDates()).isEmpty();
        assertThat(e.identifiers()).isEmpty();
    }
}
