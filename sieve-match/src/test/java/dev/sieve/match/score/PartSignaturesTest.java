package dev.sieve.match.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.lists.CsvParser;
import dev.sieve.lists.ListFiles;
import dev.sieve.match.analysis.NameAnalyzer;
import dev.sieve.match.analysis.NameForm;
import dev.sieve.match.analysis.Token;
import dev.sieve.model.Entity;
import dev.sieve.model.Name;
import dev.sieve.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signature test turns pairs away only where the full comparison finds no match. */
class PartSignaturesTest {
    @Test
    void signaturesNeverRuleOutAPairTheComparisonMatches() throws Exception {
        Map<String, Token> listed = new LinkedHashMap<>();
        for (Entity e : ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml")))) {
            for (Name n : e.names()) {
                for (NameForm f : NameAnalyzer.analyze(n.value(), e.schema())) {
                    for (Token t : f.tokens()) listed.putIfAbsent(t.kind() + t.text(), t);
                }
            }
        }
        Map<String, Token> queried = new LinkedHashMap<>();
        try (CsvParser csv = new CsvParser(Files.newBufferedReader(SharedData.bench().resolve("screening-cases.csv"),
                StandardCharsets.UTF_8), "screening-cases.csv")) {
            int name = csv.next().fields().indexOf("query_name");
            CsvParser.Row r;
            for (int i = 0; (r = csv.next()) != null; i++) {
                if (i % 20 != 0) continue; // every variation and script, a thousand queries
                for (NameForm f : NameAnalyzer.analyze(r.get(name), null)) {
                    for (Token t : f.tokens()) queried.putIfAbsent(t.kind() + t.text(), t);
                }
            }
        }
        List<Token> cs = new ArrayList<>(listed.values());
        List<Token> qs = new ArrayList<>(queried.values());
        long[] c = new long[cs.size() * PartSignatures.STRIDE];
        for (int j = 0; j < cs.size(); j++) PartSignatures.write(cs.get(j), c, j * PartSignatures.STRIDE);
        long[] q = new long[PartSignatures.STRIDE];
        long pairs = 0;
        long ruledOut = 0;
        long matches = 0;
        for (Token qt : qs) {
            PartSignatures.write(qt, q, 0);
            for (int j = 0; j < cs.size(); j++) {
                for (int flags = 0; flags < 8; flags++) {
                    boolean qa = (flags & 1) != 0;
                    boolean la = (flags & 2) != 0;
                    boolean typos = (flags & 4) != 0;
                    TokenSimilarity.Result r = TokenSimilarity.compare(qt, cs.get(j), qa, la, typos);
                    boolean out = PartSignatures.cannotMatch(q, 0, c, j * PartSignatures.STRIDE, qa, la, typos);
                    if (out) {
                        assertThat(r.how()).as(qt.text() + " / " + cs.get(j).text() + " flags " + flags).isNull();
                        ruledOut++;
                    }
                    if (r.how() != null) matches++;
                    if (qa == la) pairs++; // across an abjad and Latin parts are always compared in full
                }
            }
        }
        System.out.printf("%,d pairs, %.3f ruled out, %,d matches%n", pairs, (double) ruledOut / pairs, matches);
        assertThat(matches).as("pairs that match").isGreaterThan(1000);
        assertThat((double) ruledOut / pairs).as("share of pairs ruled out").isGreaterThan(0.8);
    }
}
