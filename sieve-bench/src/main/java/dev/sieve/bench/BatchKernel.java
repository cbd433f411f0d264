package dev.sieve.bench;

import dev.sieve.channels.customer.ColumnMapping;
import dev.sieve.channels.customer.CustomerFileReader;
import dev.sieve.channels.customer.CustomerRecord;
import dev.sieve.lists.ListFiles;
import dev.sieve.match.MatchEngine;
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

    /** The rows as the CLI reads them (the customer-file reader, default columns); broken rows are left out. */
    private static List<ScreeningQuery> read(Path input, int rows) throws Exception {
        List<ScreeningQuery> out = new ArrayList<>();
        try (CustomerFileReader reader = new CustomerFileReader(input.toString(),
                Files.newBufferedReader(input, StandardCharsets.UTF_8), ColumnMapping.defaults(), null, 10)) {
            CustomerRecord r;
            while (out.size() < rows && (r = reader.next()) != null) {
                if (r.problem() == null) out.add(r.query());
            }
        }
        return out;
    }
}
