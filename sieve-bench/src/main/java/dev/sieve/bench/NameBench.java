package dev.sieve.bench;

import dev.sieve.lists.ListFiles;

import dev.sieve.lists.CsvParser;
import dev.sieve.match.MatchEngine;
import dev.sieve.model.Match;
import dev.sieve.model.Schema;
import dev.sieve.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Pairwise quality on nomenklatura's 826-pair name_bench: precision, recall and F1 of
 * {@code MatchEngine.compare} at the engine's threshold (the same scorer as {@code sieve compare}).
 * Rarity weights come from the UN 2026-02-27 list and the OFAC 2021-07 set, as in the screening benchmark.
 *
 * <p>Run: {@code bin/bench NameBench [--threshold T] [--neutral] [--show N]}
 */
public final class NameBench {
    private NameBench() {
    }

    public static void main(String[] args) throws Exception {
        Double threshold = null;
        boolean neutral = false;
        int show = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                case "--neutral" -> neutral = true;
                case "--show" -> show = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        MatchEngine engine = neutral ? MatchEngine.build(List.of()) : MatchEngine.build(ListFiles.read(List.of(
                SharedData.list("un_sc/consolidated.xml"), SharedData.list("ofac_sdn/2021-07_complete_set"))));
        double t = threshold != null ? threshold : engine.defaultThreshold();
        Path cases = SharedData.root().resolve("data/bench-sources/nomenklatura_name_bench/cases.csv");
        int tp = 0, fp = 0, fn = 0, tn = 0, shown = 0;
        try (CsvParser csv = new CsvParser(Files.newBufferedReader(cases, StandardCharsets.UTF_8), "cases.csv")) {
            List<String> header = csv.next().fields();
            int schemaCol = header.indexOf("schema"), n1 = header.indexOf("name1"), n2 = header.indexOf("name2"),
                    label = header.indexOf("is_match");
            CsvParser.Row row;
            while ((row = csv.next()) != null) {
                if (row.fields().size() < header.size()) continue;
                Schema schema = schemaOf(row.get(schemaCol));
                Match m = engine.compare(row.get(n1), row.get(n2), schema);
                boolean predicted = m.score() >= t;
                boolean actual = Boolean.parseBoolean(row.get(label));
                if (predicted && actual) tp++;
                else if (predicted) fp++;
                else if (actual) fn++;
                else tn++;
                if (predicted != actual && shown++ < show) {
                    System.out.printf("%s %.3f %s | %s | %s%n", actual ? "FN" : "FP", m.score(), row.get(n1), row.get(n2),
                            m.explanation().parts());
                }
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        System.out.printf("name_bench at threshold %.2f (%s weights): %d pairs, TP %d FP %d FN %d TN %d%n", t,
                neutral ? "neutral" : "list", tp + fp + fn + tn, tp, fp, fn, tn);
        System.out.printf("precision %.4f recall %.4f F1 %.4f%n", precision, recall,
                2 * precision * recall / (precision + recall));
    }

    private static Schema schemaOf(String s) {
        try {
            return Schema.parse(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
