package dev.sieve.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Countries and kinds of party as customer files and people write them, which the lists' readers do not read. */
class CountriesAsWrittenTest {
    @Test
    void isoSortedNamesNationalitiesAndOwnNamesAreRead() {
        assertThat(Countries.asWritten("KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF")).hasValue("KP");
        assertThat(Countries.asWritten("Korea, Republic of")).hasValue("KR");
        assertThat(Countries.asWritten("IRAN, ISLAMIC REPUBLIC OF")).hasValue("IR");
        assertThat(Countries.asWritten("CONGO, THE DEMOCRATIC REPUBLIC OF THE")).hasValue("CD");
        assertThat(Countries.asWritten("Venezuela, Bolivarian Republic of")).hasValue("VE");
        assertThat(Countries.asWritten("Iranian")).hasValue("IR");
        assertThat(Countries.asWritten("north korean")).hasValue("KP");
        assertThat(Countries.asWritten("Deutschland")).hasValue("DE");
        assertThat(Countries.asWritten("ESPANA")).hasValue("ES");
        assertThat(Countries.parse("Syrian")).isEqualTo("SY");
        // in the languages of the customer files read: the JDK's names, and the official ones it leaves out
        assertThat(Countries.asWritten("Nordkorea")).hasValue("KP");
        assertThat(Countries.asWritten("Corée du Nord")).hasValue("KP");
        assertThat(Countries.asWritten("Vereinigte Staaten")).hasValue("US");
        assertThat(Countries.asWritten("Russische Föderation")).hasValue("RU");
        assertThat(Countries.asWritten("Alemania")).hasValue("DE");
        // a nationality two countries share is not guessed
        assertThat(Countries.asWritten("Korean")).isEmpty();
        assertThat(Countries.asWritten("Congolese")).isEmpty();
        assertThatThrownBy(() -> Countries.parse("Atlantean")).hasMessageContaining("'Atlantean' is not a country");
    }

    @Test
    void theListsReadingStaysStrict() {
        // the readers' reading makes list history: what it reads must not change under them
        assertThat(Countries.toIso2("Iranian")).isEmpty();
        assertThat(Countries.toIso2("Deutschland")).isEmpty();
        assertThat(Countries.toIso2("Iran (Islamic Republic of)")).hasValue("IR");
    }

    @Test
    void kindsOfPartyAsBanksSystemsWriteThem() {
        assertThat(Schema.parse("Natural Person")).isEqualTo(Schema.PERSON);
        assertThat(Schema.parse("Privatperson")).isEqualTo(Schema.PERSON);
        assertThat(Schema.parse("personne  physique")).isEqualTo(Schema.PERSON);
        assertThat(Schema.parse("Legal Entity")).isEqualTo(Schema.ORGANIZATION);
        assertThat(Schema.parse("Juristische Person")).isEqualTo(Schema.ORGANIZATION);
        assertThat(Schema.parse("Corporate")).isEqualTo(Schema.ORGANIZATION);
        assertThatThrownBy(() -> Schema.parse("P")).hasMessageContaining("unknown schema 'P'");
        // a business account may be a sole trader's: screened as any kind of party, with a warning, not as a company
        assertThatThrownBy(() -> Schema.parse("Business")).hasMessageContaining("unknown schema 'Business'");
    }
}
