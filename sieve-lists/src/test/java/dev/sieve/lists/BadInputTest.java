package dev.sieve.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sieve.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken, hostile and foreign files: each gets a clear error naming the place, and no entity escapes. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static List<Object> readAll(Path file) throws IOException {
        ListInput input = FormatDetector.input(file);
        List<Object> out = new ArrayList<>();
        ListReader.forFormat(input.format()).read(input, out::add);
        return out;
    }

    @Test
    void billionLaughsIsRefusedAtItsDoctype() throws IOException {
        Path f = write("lol.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                 <!ENTITY lol "lol">
                 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                ]>
                <CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&lol9;</FIRST_NAME>
                <REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
                """);
        assertThatThrownBy(() -> readAll(f)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("lol.xml").hasMessageContaining("DTD is not allowed");
    }

    @Test
    void externalEntityIsRefused() throws IOException {
        Path secret = write("secret.txt", "TOP SECRET");
        Path f = write("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n<CONSOLIDATED_LIST dateGenerated=\"2026-01-01T00:00:00Z\"><INDIVIDUALS>"
                + "<INDIVIDUAL><FIRST_NAME>&xxe;</FIRST_NAME><REFERENCE_NUMBER>QDi.998</REFERENCE_NUMBER>"
                + "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>\n");
        assertThatThrownBy(() -> readAll(f)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("xxe.xml").hasMessageContaining("DTD is not allowed")
                .hasMessageNotContaining("TOP SECRET");
    }

    @Test
    void xmlWithDoctypeAfterDetectionStillFailsInTheReader() throws IOException {
        // The detector sees the root; the DOCTYPE comes first in the stream, so the reader refuses it.
        Path f = write("un.xml", "<?xml version=\"1.0\"?><!-- list --><!DOCTYPE CONSOLIDATED_LIST SYSTEM \"http://127.0.0.1:9/x.dtd\">"
                + "<CONSOLIDATED_LIST/>");
        assertThatThrownBy(() -> readAll(f)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("DTD is not allowed");
    }

    @Test
    void truncatedXmlNamesTheLine() throws IOException {
        String full = Files.readString(SharedData.list("un_sc/consolidated.xml"));
        Path f = write("consolidated.xml", full.substring(0, full.length() / 2));
        assertThatThrownBy(() -> readAll(f)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("consolidated.xml").hasMessageMatching("(?s).*line \\d+.*");
    }

    @Test
    void truncatedCsvInsideAQuotedFieldSaysSo() throws IOException {
        byte[] full = Files.readAllBytes(SharedData.list("ofac_sdn/2021-07_complete_set/sdn.csv"));
        String text = new String(full, StandardCharsets.UTF_8);
        int cut = text.indexOf("\"KIM, Jong Un\"") + 5;
        Path f = write("sdn.csv", text.substring(0, cut));
        assertThatThrownBy(() -> readAll(f)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("sdn.csv").hasMessageContaining("truncated");
    }

    @Test
    void wrongEncodingIsAnErrorNotMojibake() throws IOException {
        // A UN file re-encoded to Windows-1252 (as one public copy was) is not valid UTF-8.
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2026-01-01T00:00:00Z\">"
                + "<INDIVIDUALS><INDIVIDUAL><FIRST_NAME>JOSÉ</FIRST_NAME><REFERENCE_NUMBER>QDi.997</REFERENCE_NUMBER>"
                + "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";
        Path f = dir.resolve("cp1252.xml");
        Files.write(f, head.getBytes(Decoding.WINDOWS_1252));
        assertThatThrownBy(() -> readAll(f)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("cp1252.xml").hasMessageContaining("line 2");

        Path csv = dir.resolve("sdn.csv");
        Files.write(csv, "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n37,\"CAF\u00c9 CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> readAll(csv)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("sdn.csv").hasMessageContaining("wrong encoding");

        Path utf16 = dir.resolve("utf16.xml");
        Files.write(utf16, head.getBytes(StandardCharsets.UTF_16));
        assertThatThrownBy(() -> readAll(utf16)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("UTF-16");
    }

    @Test
    void emptyFileAndUnknownFormat() throws IOException {
        Path empty = write("empty.xml", "");
        assertThatThrownBy(() -> readAll(empty)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("empty.xml").hasMessageContaining("empty");
        Path other = write("notes.txt", "name,comment\nfoo,bar\n");
        assertThatThrownBy(() -> readAll(other)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("not a supported list format")
                .hasMessageContaining("un-xml").hasMessageContaining("ofac-csv").hasMessageContaining("ofac-xml")
                .hasMessageContaining("uk-conlist").hasMessageContaining("eu-fsf-xml").hasMessageContaining("ftm-json");
        Path enhanced = SharedData.list("ofac_enhanced_xml_subset/IRGC_sanctions.xml");
        assertThatThrownBy(() -> readAll(enhanced)).hasMessageContaining("root <sanctionsData>")
                .hasMessageContaining("Supported formats");
    }

    @Test
    void csvWithAMissingColumnIsReportedPerRecordWithItsLine() throws IOException {
        Path f = write("sdn.csv", """
                36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0-\s
                173,"ANGLO-CARIBBEAN CO., LTD.",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0-\s
                306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. 'BNC'."
                """);
        ListInput input = FormatDetector.input(f);
        List<Object> out = new ArrayList<>();
        ReadResult r = ListReader.forFormat(input.format()).read(input, out::add);
        assertThat(out).hasSize(2);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("sdn.csv");
            assertThat(p.place()).isEqualTo("line 2");
            assertThat(p.recordId()).isEqualTo("us-ofac:173");
            assertThat(p.message()).contains("expected 12 columns, found 11");
        });
    }

    @Test
    void ukFileWithoutItsGroupIdColumnIsRejected() throws IOException {
        Path f = write("conlist.csv", "Last Updated,13/04/2018\nName 6,Name 1,Group Type\nSMITH,John,Individual\n");
        assertThatThrownBy(() -> readAll(f)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("Group ID");
    }

    @Test
    void brokenUnRecordIsAProblemWithItsPath() throws IOException {
        Path f = write("un.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
                  <INDIVIDUALS>
                    <INDIVIDUAL><FIRST_NAME>GOOD</FIRST_NAME><REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER></INDIVIDUAL>
                    <INDIVIDUAL><FIRST_NAME>BAD DATE</FIRST_NAME><REFERENCE_NUMBER>QDi.002</REFERENCE_NUMBER>
                      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1970-13-45</DATE></INDIVIDUAL_DATE_OF_BIRTH>
                    </INDIVIDUAL>
                    <INDIVIDUAL><FIRST_NAME>NO REFERENCE</FIRST_NAME></INDIVIDUAL>
                    <INDIVIDUAL><FIRST_NAME>BAD ALIAS DATE</FIRST_NAME><REFERENCE_NUMBER>QDi.003</REFERENCE_NUMBER>
                      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Other Name</ALIAS_NAME><DATE_OF_BIRTH>31.12.1979</DATE_OF_BIRTH></INDIVIDUAL_ALIAS>
                    </INDIVIDUAL>
                  </INDIVIDUALS>
                </CONSOLIDATED_LIST>
                """);
        ListInput input = FormatDetector.input(f);
        List<Object> out = new ArrayList<>();
        ReadResult r = ListReader.forFormat(input.format()).read(input, out::add);
        assertThat(out).hasSize(1);
        assertThat(r.problems()).hasSize(3);
        assertThat(r.problems().get(0).place()).isEqualTo("line 5, CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL");
        assertThat(r.problems().get(0).recordId()).isEqualTo("un:QDi.002");
        assertThat(r.problems().get(0).message()).contains("1970-13-45");
        assertThat(r.problems().get(1).message()).contains("REFERENCE_NUMBER");
        assertThat(r.problems().get(2).recordId()).isEqualTo("un:QDi.003");
        assertThat(r.problems().get(2).message()).contains("INDIVIDUAL_ALIAS 'Other Name' DATE_OF_BIRTH").contains("31.12.1979");
    }

    @Test
    void ftmBadLinesAreProblemsWithTheirLine() throws IOException {
        Path f = write("entities.ftm.json", """
                {"id":"a","schema":"Person","properties":{"name":["Good Person"]},"datasets":["x"]}
                {"id":"b","schema":"Person","properties":{"name":["Broken"
                {"id":"c","schema":"Person","properties":{"name":["Bad Date"],"birthDate":["1970-02-31"]},"datasets":["x"]}
                """);
        ListInput input = FormatDetector.input(f);
        List<Object> out = new ArrayList<>();
        ReadResult r = ListReader.forFormat(input.format()).read(input, out::add);
        assertThat(out).hasSize(1);
        assertThat(r.problems()).extracting(Problem::place).containsExactly("line 2", "line 3");
        assertThat(r.problems().get(1).message()).contains("birthDate");
    }

    @Test
    void ofacCompanionAloneIsNotAList() {
        Path alt = SharedData.list("ofac_sdn/2026-06_alt_add_only/alt.csv");
        assertThatThrownBy(() -> FormatDetector.input(alt)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("companion of an OFAC sdn.csv");
    }
}
