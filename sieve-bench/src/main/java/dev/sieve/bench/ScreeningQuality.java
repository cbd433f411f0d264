package dev.sieve.bench;

import dev.sieve.lists.ListFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sieve.match.MatchEngine;
import dev.sieve.model.Match;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.testing.SharedData;
import dev.sieve.lists.CsvParser;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Screens the public benchmark cases ({@code ../shared/bench/screening-cases.csv}) against the UN
 * 2026-02-27 list and the OFAC 2021-07 set, as the bench README prescribes, and writes results.jsonl
 * for {@code score.py}. Also prints a miss/false-alert sample for diagnosis.
 *
 * <p>Run: {@code bin/bench ScreeningQuality [--threshold T] [--out results.jsonl] [--show N]}
 */
public final class ScreeningQuality {
    private ScreeningQuality() {
    }

    public static void main(String[] args) throws Exception {
        Double threshold = null;
        Path out = Path.of("target/screening-results.jsonl");
        int show = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--show" -> show = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        MatchEngine engine = MatchEngine.build(ListFiles.read(List.of(SharedData.list("un_sc/consolidated.xml"),
                SharedData.list("ofac_sdn/2021-07_complete_set"))));
        System.out.printf("index: %d entities, %d names in %.1f s%n", engine.entityCount(), engine.nameCount(),
                (System.nanoTime() - t0) / 1e9);
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(out.toAbsolutePath().getParent());
        int shown = 0;
        int scorable = 0;
        int retrieved = 0;
        try (CsvParser in = new CsvParser(Files.newBufferedReader(SharedData.bench().resolve("screening-cases.csv"),
                StandardCharsets.UTF_8), "screening-cases.csv");
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            List<String> cols = in.next().fields();
            CsvParser.Row line;
            long t1 = System.nanoTime();
            int n = 0;
            while ((line = in.next()) != null) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < cols.size(); i++) row.put(cols.get(i), line.get(i));
                ScreeningQuery q = new ScreeningQuery(row.get("query_name"),
                        row.get("schema").isEmpty() ? null : Schema.parse(row.get("schema")),
                        row.get("birth_date").isEmpty() ? null : PartialDate.parse(row.get("birth_date")),
                        row.get("nationality").isEmpty() ? null : row.get("nationality"), List.of(), threshold, 10);
                List<Match> alerts = engine.screen(q);
                n++;
                List<Map<String, Object>> ms = new ArrayList<>();
                for (Match m : alerts) ms.add(Map.of("id", m.id(), "score", m.score()));
                w.write(json.writeValueAsString(Map.of("case_id", row.get("case_id"), "matches", ms)));
                w.newLine();
                boolean positive = row.get("kind").equals("positive");
                boolean found = alerts.stream().anyMatch(m -> m.id().equals(row.get("expected_id")));
                if (positive) {
                    double t = threshold != null ? threshold : engine.defaultThreshold();
                    Match direct = engine.scoreDirectly(q, row.get("expected_id"), t);
                    if (direct != null && direct.alert()) {
                        scorable++;
                        if (engine.rank(q, t).stream().anyMatch(m -> m.id().equals(row.get("expected_id")))) retrieved++;
                    }
                }
                if (shown < show && (positive && !found || !positive && !alerts.isEmpty())) {
                    shown++;
                    Match top = positive ? engine.rank(q, 0).stream().filter(m -> m.id().equals(row.get("expected_id")))
                            .findFirst().orElse(null) : alerts.getFirst();
                    System.out.printf("%s %-16s %s -> %s%n", positive ? "MISS " : "FALSE", row.get("variation"),
                            row.get("query_name"), top == null ? "not a candidate " + row.get("expected_id")
                                    : top.id() + " " + top.score() + " " + top.explanation());
                }
            }
            System.out.printf("screened %d cases in %.1f s%n", n, (System.nanoTime() - t1) / 1e9);
            System.out.printf("candidate retrieval recall: %d of %d positives the scorer alerts on when shown the "
                    + "true entity were among the candidates (%.4f)%n", retrieved, scorable, retrieved / (double) scorable);
        }
        System.out.println("results: " + out.toAbsolutePath());
    }
}
