package dev.sieve.bench;

import dev.sieve.lists.FormatDetector;
import dev.sieve.lists.ListInput;
import dev.sieve.lists.ListReader;
import dev.sieve.testing.SharedData;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** JMH: parsing the OFAC legacy CSV (14,965 records of 2024-05-03) into the entity model, remarks included. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OfacCsvParseBench {
    private ListInput input;
    private ListReader reader;

    @Setup
    public void setUp() throws Exception {
        input = FormatDetector.input(SharedData.list("ofac_sdn/2024-05-03/sdn.csv"));
        reader = ListReader.forFormat(input.format());
    }

    /** One whole file per operation; records/s = 14,965 / (ms per op / 1000). */
    @Benchmark
    public int parseSdnCsv() throws Exception {
        int[] n = {0};
        reader.read(input, e -> n[0]++);
        return n[0];
    }
}
