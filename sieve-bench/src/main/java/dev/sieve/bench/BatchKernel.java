package dev.sieve.bench;

import dev.sieve.lists.CsvParser;
import dev.sieve.lists.ListFiles;
import dev.sieve.match.MatchEngine;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.testing.SharedData;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The screening kernel of a batch, without file reading and writing: the first rows of a customer file
 * screened on one thread, once to warm up, then timed in rounds by the thread's CPU time (which the
 * other core's JIT and GC work does not inflate). For comparing builds: the whole-process figure is
 * {@code sieve screen --input}.
 *
 * <p>Run: {@code bin/bench BatchKernel --input customers.csv [--rows 100000] [--rounds 3]}
 */
public final class BatchKernel {
    private BatchKernel() {
    }

    public static void main(String[] args) throws Exception {
        Path input = null;
        int rows = 100_000;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> input = Path.of(args[++i]);
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (input == null) throw new IllegalArgumentException("--input FILE is required");
        MatchEngine engine = MatchEngine.build(ListFiles.read(List.of(SharedData.lists())));
        List<ScreeningQuery> queries = read(input, rows);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int alerts = 0;
        for (ScreeningQuery q : queries) alerts += engine.screen(q).size();
        System.out.printf("%,d rows, %,d alerts (warm-up pass)%n", queries.size(), alerts);
        for (int r = 0; r < rounds; r++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            for (ScreeningQuery q : queries) engine.screen(q);
            double cpuMicros = (cpu.getCurrentThreadCpuTime() - c0) / 1e3 / queries.size();
            double wallMicros = (System.nanoTime() - w0) / 1e3 / queries.size();
            System.out.printf("round %d: %.1f µs CPU per row (%.1f µs wall; %,.0f rows/s per core)%n", r + 1,
                    cpuMicros, wallMicros, 1e6 / cpuMicros);
        }
    }

    private static List<ScreeningQuery> read(Path input, int rows) throws Exception {
        List<ScreeningQuery> out = new ArrayList<>();
        try (CsvParser csv = new CsvParser(Files.newBufferedReader(input, StandardCharsets.UTF_8),
                input.getFileName().toString())) {
            List<String> h = csv.next().fields();
            int name = h.indexOf("query_name"), schema = h.indexOf("schema"), dob = h.indexOf("birth_date"),
                    nat = h.indexOf("nationality");
            CsvParser.Row r;
            while (out.size() < rows && (r = csv.next()) != null) {
                out.add(new ScreeningQuery(r.get(name), field(r, schema).isEmpty() ? null : Schema.parse(r.get(schema)),
                        field(r, dob).isEmpty() ? null : PartialDate.parse(r.get(dob)),
                        field(r, nat).isEmpty() ? null : r.get(nat), List.of(), null, 10));
            }
        }
        return out;
    }

    private static String field(CsvParser.Row r, int column) {
        return column < 0 ? "" : r.get(column);
    }
}
