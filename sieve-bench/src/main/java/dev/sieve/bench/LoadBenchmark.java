package dev.sieve.bench;

import dev.sieve.databank.ListLoader;
import dev.sieve.databank.LoadListener;
import dev.sieve.databank.LoadOptions;
import dev.sieve.databank.LoadReport;
import dev.sieve.lists.FormatDetector;
import dev.sieve.lists.ListInput;
import dev.sieve.lists.ListReader;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import dev.sieve.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whole-process benchmark of list loading: every list in {@code ../shared/data/lists} into a fresh
 * H2 databank, first in a cold JVM (what a user's first {@code sieve lists load} costs), then parsing
 * alone per file (best of N after warm-up), then the full load again warm.
 *
 * <p>Run: {@code bin/bench LoadBenchmark [--repeat N] [--lists DIR]}
 */
public final class LoadBenchmark {
    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repeat = 10;
        Path lists = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--lists" -> lists = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (lists == null) lists = SharedData.lists();
        System.out.printf("lists: %s; JVM %s; %d cores%n", lists, Runtime.version(),
                Runtime.getRuntime().availableProcessors());

        double cold = fullLoad(lists, "cold JVM");

        List<ListInput> inputs = FormatDetector.find(lists).inputs();
        System.out.printf("%nparsing only (best of %d after %d warm-up rounds):%n", repeat, repeat);
        System.out.printf("  %-70s %8s %10s %14s%n", "file", "records", "ms", "records/s");
        for (ListInput input : inputs) {
            ListReader reader = ListReader.forFormat(input.format());
            long best = Long.MAX_VALUE;
            int records = 0;
            for (int round = 0; round < 2 * repeat; round++) {
                int[] n = {0};
                long t0 = System.nanoTime();
                reader.read(input, e -> n[0]++);
                long t = System.nanoTime() - t0;
                records = n[0];
                if (round >= repeat) best = Math.min(best, t);
            }
            System.out.printf("  %-70s %8d %10.1f %,14.0f%n", lists.relativize(input.main()), records, best / 1e6,
                    records / (best / 1e9));
        }
        double warm = fullLoad(lists, "warm JVM");
        System.out.printf("%nsummary: full load %.2f s cold, %.2f s warm%n", cold, warm);
    }

    private static double fullLoad(Path lists, String label) throws Exception {
        Path dir = Files.createTempDirectory("sieve-bench-");
        try {
            long t0 = System.nanoTime();
            LoadReport report;
            try (SieveStore store = SieveStore.open(StoreConfig.h2(dir))) {
                report = new ListLoader(store).load(List.of(lists), LoadOptions.strict(), LoadListener.NONE);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long read = report.loaded().stream().mapToLong(LoadReport.Loaded::readNanos).sum();
            long stored = report.loaded().stream().mapToLong(LoadReport.Loaded::storeNanos).sum();
            System.out.printf("%nfull load into a fresh H2 databank (%s): %d publications, %,d records in %.2f s"
                            + " = %,.0f records/s (reading %.2f s, writing %.2f s, the rest schema set-up and commit)%n",
                    label, report.loaded().size(), report.newRecords(), seconds, report.newRecords() / seconds,
                    read / 1e9, stored / 1e9);
            return seconds;
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
