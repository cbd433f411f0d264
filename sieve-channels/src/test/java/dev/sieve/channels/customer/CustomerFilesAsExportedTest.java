package dev.sieve.channels.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sieve.channels.text.TextDecoding;
import dev.sieve.model.PartialDate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Customer files as Excel and banks' systems write them: byte-order marks, semicolons, tabs, Windows-1252, local dates. */
class CustomerFilesAsExportedTest {
    private static List<CustomerRecord> read(byte[] bytes, CustomerFileReader.Options options) throws IOException {
        TextDecoding.Detected enc = TextDecoding.detect(bytes, bytes.length, null);
        List<CustomerRecord> out = new ArrayList<>();
        try (CustomerFileReader r = new CustomerFileReader("customers.csv",
                TextDecoding.reader(new ByteArrayInputStream(bytes), enc.charset()), options)) {
            for (CustomerRecord c; (c = r.next()) != null; ) out.add(c);
        }
        return out;
    }

    private static byte[] utf8Bom(String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[t.length + 3];
        b[0] = (byte) 0xEF;
        b[1] = (byte) 0xBB;
        b[2] = (byte) 0xBF;
        System.arraycopy(t, 0, b, 3, t.length);
        return b;
    }

    @Test
    void aByteOrderMarkDoesNotStickToTheFirstHeader() throws IOException {
        var ids = read(utf8Bom("customer_id,name\nC-1,Kim Jong Un\n"), CustomerFileReader.Options.defaults());
        assertThat(ids).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo("C-1"));
        var mapped = read(utf8Bom("Full Name,Ref\nKim Jong Un,R9\n"),
                new CustomerFileReader.Options(ColumnMapping.parse(List.of("name=Full Name", "id=Ref")), null, null, null, 10));
        assertThat(mapped.getFirst().query().name()).isEqualTo("Kim Jong Un");
        assertThat(mapped.getFirst().id()).isEqualTo("R9");
    }

    @Test
    void semicolonsTabsAndBarsAreDetected() throws IOException {
        for (String sep : List.of(";", "\t", "|")) {
            var rows = read(("id" + sep + "name" + sep + "country\n7" + sep + "\"Müller; Jürgen\"" + sep + "DE\n")
                    .getBytes(StandardCharsets.UTF_8), CustomerFileReader.Options.defaults());
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo("7");
                assertThat(r.query().nationality()).isEqualTo("DE");
            });
        }
        assertThat(CustomerFileReader.delimiterOf("\"a,b\";c;d")).isEqualTo(';');
    }

    @Test
    void windows1252IsDetectedAndDecodedRight() throws IOException {
        byte[] latin = "Kunden-Nr;Name\n1;Müller, Jürgen\n2;François Čáp\n".getBytes(Charset.forName("windows-1250"));
        byte[] cp1252 = "Kunden-Nr;Name\n1;Müller, Jürgen\n2;Renée Ødegård\n".getBytes(Charset.forName("windows-1252"));
        assertThat(TextDecoding.detect(cp1252, cp1252.length, null).charset().name()).isEqualTo("windows-1252");
        var rows = read(cp1252, new CustomerFileReader.Options(ColumnMapping.parse(List.of("id=Kunden-Nr")), null, null, null, 10));
        assertThat(rows).extracting(r -> r.query().name()).containsExactly("Müller, Jürgen", "Renée Ødegård");
        assertThat(TextDecoding.detect(latin, latin.length, null).charset()).isNotEqualTo(StandardCharsets.UTF_8);
        // UTF-8 stays UTF-8
        byte[] utf8 = "name\nСергей Лавров\n".getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoding.detect(utf8, utf8.length, null).how()).isEqualTo("valid UTF-8");
    }

    @Test
    void bytesNotValidInTheGivenEncodingAreAnErrorNamingTheLine() {
        byte[] bad = "name\nok\nM\u00fcller\n".getBytes(Charset.forName("windows-1252"));
        assertThatThrownBy(() -> {
            try (CustomerFileReader r = new CustomerFileReader("customers.csv",
                    TextDecoding.reader(new ByteArrayInputStream(bad), StandardCharsets.UTF_8), CustomerFileReader.Options.defaults())) {
                while (r.next() != null) { }
            }
        }).isInstanceOf(CustomerFileException.class).hasMessageContaining("customers.csv").hasMessageContaining("line 3")
                .hasMessageContaining("--encoding");
        assertThatThrownBy(() -> TextDecoding.decodeStrict(bad, StandardCharsets.UTF_8, "the upload"))
                .hasMessageContaining("the upload: line 3");
    }

    @Test
    void aNulByteIsBinaryDataAndRefusedWithItsLine() {
        byte[] binary = "name\nok\nfine\nA\u0000B\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> {
            try (CustomerFileReader r = new CustomerFileReader("export.csv",
                    TextDecoding.reader(new ByteArrayInputStream(binary), StandardCharsets.UTF_8), CustomerFileReader.Options.defaults())) {
                while (r.next() != null) { }
            }
        }).isInstanceOf(CustomerFileException.class).hasMessageContaining("export.csv: line 4").hasMessageContaining("NUL byte");
        assertThatThrownBy(() -> TextDecoding.decodeStrict(binary, StandardCharsets.UTF_8, "the upload"))
                .hasMessageContaining("the upload: line 4").hasMessageContaining("NUL byte");
        assertThatThrownBy(() -> TextDecoding.message("{1:F01}{4:\n:59:/1\nA\u0000B\n-}".getBytes(StandardCharsets.UTF_8), "mt.txt"))
                .hasMessageContaining("mt.txt: line 3");
    }

    @Test
    void anUnreadableDateIsReportedAndTheNameStillScreened() throws IOException {
        byte[] file = "name,dob,nationality\nJohn Smith,07/10/1952,Atlantis\nJane Roe,07.10.1952,GB\n,,\n\nAl Capone,1899,US\n"
                .getBytes(StandardCharsets.UTF_8);
        var rows = read(file, CustomerFileReader.Options.defaults());
        assertThat(rows).hasSize(3); // the blank rows are no customers
        CustomerRecord smith = rows.getFirst();
        assertThat(smith.problem()).isNull();
        assertThat(smith.query().name()).isEqualTo("John Smith");
        assertThat(smith.query().birthDate()).isNull();
        assertThat(smith.warnings()).anySatisfy(w -> assertThat(w).contains("line 2").contains("column 'dob'")
                .contains("07/10/1952").contains("--date-format"));
        assertThat(smith.warnings()).anySatisfy(w -> assertThat(w).contains("column 'nationality'").contains("Atlantis"));
        assertThat(rows.get(1).query().birthDate()).isEqualTo(PartialDate.parse("1952-10-07"));
        assertThat(rows.get(2).query().birthDate()).isEqualTo(PartialDate.parse("1899"));

        var us = read(file, new CustomerFileReader.Options(ColumnMapping.defaults(), null, "MM/dd/yyyy", null, 10));
        assertThat(us.getFirst().query().birthDate()).isEqualTo(PartialDate.parse("1952-07-10"));
        assertThat(us.getFirst().warnings()).noneMatch(w -> w.contains("dob"));
    }

    @Test
    void aHeaderWithOneColumnSuggestsTheDelimiter() {
        byte[] file = "name:id\nKim:1\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(file, CustomerFileReader.Options.defaults())).isInstanceOf(CustomerFileException.class)
                .hasMessageContaining("line 1").hasMessageContaining("[name:id]").hasMessageContaining("--delimiter");
    }

    @Test
    void headersAreFoundHoweverTheExportingSystemSpacedAndCapitalisedThem() throws IOException {
        // a core banking export: spaces, capitals, the name in two columns, the country of citizenship
        byte[] file = "Customer ID,First Name,Last Name,Date of Birth,Country of Citizenship\nC-1001,Sergei,Lavrov,21.03.1950,RU\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(read(file, CustomerFileReader.Options.defaults())).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("C-1001");
            assertThat(r.query().name()).isEqualTo("Sergei Lavrov");
            assertThat(r.query().birthDate()).isEqualTo(PartialDate.parse("1950-03-21"));
            assertThat(r.query().nationality()).isEqualTo("RU");
            assertThat(r.warnings()).isEmpty();
        });
        assertThat(ColumnMapping.key(" Date-of-BIRTH ")).isEqualTo("date_of_birth");
        assertThat(ColumnMapping.key("Staatsangehörigkeit")).isEqualTo("staatsangehorigkeit");
        assertThat(ColumnMapping.key("Cust. No.")).isEqualTo("cust_no");
    }

    @Test
    void germanAndFrenchExportsAreReadWithTheFamilyNameBesideTheGivenName() throws IOException {
        // German: "Name" beside "Vorname" is the family name
        byte[] german = utf8Bom("Kundennummer;Name;Vorname;Geburtsdatum;Staatsangehörigkeit\r\nK-7;Müller;Hans;01.02.1970;DE\r\n");
        assertThat(read(german, CustomerFileReader.Options.defaults())).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("K-7");
            assertThat(r.query().name()).isEqualTo("Hans Müller");
            assertThat(r.query().birthDate()).isEqualTo(PartialDate.parse("1970-02-01"));
            assertThat(r.query().nationality()).isEqualTo("DE");
        });
        byte[] french = "Numéro client;Nom;Prénom;Date de naissance;Nationalité\n42;Dupont;Marie-Claire;05.06.1981;FR\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(read(french, CustomerFileReader.Options.defaults())).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("42");
            assertThat(r.query().name()).isEqualTo("Marie-Claire Dupont");
            assertThat(r.query().birthDate()).isEqualTo(PartialDate.parse("1981-06-05"));
        });
    }

    @Test
    void aFullNameColumnWinsOverItsPartsAndThePartsStandInWhereItIsBlank() throws IOException {
        byte[] file = "id,Full Name,First Name,Middle Name,Last Name\n1,Kim Jong Un,Jong,,Kim\n2,,Usama,Muhammad,bin Laden\n3,,,,\n"
                .getBytes(StandardCharsets.UTF_8);
        var rows = read(file, CustomerFileReader.Options.defaults());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).query().name()).isEqualTo("Kim Jong Un");
        assertThat(rows.get(1).query().name()).isEqualTo("Usama Muhammad bin Laden");
        assertThat(rows.get(2).problem()).contains("line 4").contains("the name is empty"); // an id with no name at all
    }

    @Test
    void jsonLinesKeysAreComparedTheSameWayAndPartsMappedExplicitly() throws IOException {
        byte[] json = "{\"Customer ID\": \"J-1\", \"First Name\": \"Ali\", \"Surname\": \"Harzi\", \"DOB\": \"1983\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(read(json, CustomerFileReader.Options.defaults())).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("J-1");
            assertThat(r.query().name()).isEqualTo("Ali Harzi");
            assertThat(r.query().birthDate()).isEqualTo(PartialDate.parse("1983"));
        });
        // Norwegian headers no default knows, mapped by hand
        byte[] norwegian = "Kundenr;Fornavn;Etternavn\n9;Ola;Nordmann\n".getBytes(StandardCharsets.UTF_8);
        var mapped = read(norwegian, new CustomerFileReader.Options(ColumnMapping.parse(List.of("id=Kundenr",
                "given_name=Fornavn", "family_name=Etternavn")), null, null, null, 10));
        assertThat(mapped.getFirst().query().name()).isEqualTo("Ola Nordmann");
        assertThat(mapped.getFirst().id()).isEqualTo("9");
        assertThatThrownBy(() -> read(norwegian, CustomerFileReader.Options.defaults())).isInstanceOf(CustomerFileException.class)
                .hasMessageContaining("line 1").hasMessageContaining("[Kundenr, Fornavn, Etternavn]")
                .hasMessageContaining("given_name=HEADER");
    }

    @Test
    void aSlashedDateIsReadWhereOnlyOneReadingIsADay() throws IOException {
        byte[] file = "name,dob\nA,21/03/1950\nB,03/21/1950\nC,05/05/1980\nD,07/10/1952\nE,31/02/1950\nF,21-03-1950\n"
                .getBytes(StandardCharsets.UTF_8);
        var rows = read(file, CustomerFileReader.Options.defaults());
        assertThat(rows.get(0).query().birthDate()).isEqualTo(PartialDate.parse("1950-03-21"));
        assertThat(rows.get(1).query().birthDate()).isEqualTo(PartialDate.parse("1950-03-21"));
        assertThat(rows.get(2).query().birthDate()).isEqualTo(PartialDate.parse("1980-05-05"));
        assertThat(rows.get(3).query().birthDate()).isNull();
        assertThat(rows.get(3).warnings()).singleElement().satisfies(w -> assertThat(w).contains("line 5")
                .contains("7 October or 10 July").contains("--date-format"));
        assertThat(rows.get(4).query().birthDate()).isNull();
        assertThat(rows.get(4).warnings()).singleElement().satisfies(w -> assertThat(w).contains("'31/02/1950' is not a date"));
        assertThat(rows.get(5).query().birthDate()).isEqualTo(PartialDate.parse("1950-03-21"));
    }

    @Test
    void excelsSeparatorHintAndValuesAsDatabasesAndReportsWriteThem() throws IOException {
        byte[] file = ("sep=;\nid;name;type;dob;nationality\n"
                + "1;Sergei Lavrov;Individual;19500321;Russian Federation\n"
                + "2;Hwang Sok Hwa;natural person;1943-09-26T00:00:00;KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF\n"
                + "3;Kim Jong Un;Person;08-Jan-1984;North Korean\n"
                + "4;Ali Khamenei;Privatperson;April 19, 1939;Iranian\n"
                + "5;Bank Melli;Legal Entity;;IRAN, ISLAMIC REPUBLIC OF\n"
                + "6;Jane Doe;Person;1980-01-01 00:00:00.000;Deutschland\n"
                + "7;John Roe;Person;19501321;Atlantis\n").getBytes(StandardCharsets.UTF_8);
        var rows = read(file, CustomerFileReader.Options.defaults());
        assertThat(rows).hasSize(7);
        assertThat(rows.subList(0, 6)).allSatisfy(r -> assertThat(r.warnings()).isEmpty());
        assertThat(rows.get(0).line()).isEqualTo(3); // the hint is line 1, the header line 2
        assertThat(rows.get(0).query().birthDate()).isEqualTo(PartialDate.parse("1950-03-21"));
        assertThat(rows.get(0).query().nationality()).isEqualTo("RU");
        assertThat(rows.get(1).query().schema()).isEqualTo(dev.sieve.model.Schema.PERSON);
        assertThat(rows.get(1).query().birthDate()).isEqualTo(PartialDate.parse("1943-09-26"));
        assertThat(rows.get(1).query().nationality()).isEqualTo("KP");
        assertThat(rows.get(2).query().birthDate()).isEqualTo(PartialDate.parse("1984-01-08"));
        assertThat(rows.get(2).query().nationality()).isEqualTo("KP");
        assertThat(rows.get(3).query().birthDate()).isEqualTo(PartialDate.parse("1939-04-19"));
        assertThat(rows.get(3).query().nationality()).isEqualTo("IR");
        assertThat(rows.get(4).query().schema()).isEqualTo(dev.sieve.model.Schema.ORGANIZATION);
        assertThat(rows.get(4).query().nationality()).isEqualTo("IR");
        assertThat(rows.get(5).query().birthDate()).isEqualTo(PartialDate.parse("1980-01-01"));
        assertThat(rows.get(5).query().nationality()).isEqualTo("DE");
        // no 13th month, no Atlantis: reported on their line, the name still screened
        assertThat(rows.get(6).warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("line 9"));
        assertThat(rows.get(6).query().name()).isEqualTo("John Roe");
    }

    @Test
    void aNameColumnMappedByHandThatTheFileLacksIsNamedInTheError() {
        byte[] file = "Ref,Customer\n1,Kim Jong Un\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(file, new CustomerFileReader.Options(ColumnMapping.parse(List.of("name=Full Name")),
                null, null, null, 10))).isInstanceOf(CustomerFileException.class).hasMessageContaining("line 1")
                .hasMessageContaining("no name column").hasMessageContaining("full_name");
    }
}
