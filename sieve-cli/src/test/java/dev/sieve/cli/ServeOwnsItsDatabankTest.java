package dev.sieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `sieve serve` refuses an embedded databank another process holds: it would otherwise reach it through that
 * process, and lose it (and what it acknowledged) when that process ends. Commands still share it.
 */
class ServeOwnsItsDatabankTest {
    @TempDir
    Path dir;

    /** The other process: holds the databank open, as a running server does. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (SieveStore store = SieveStore.open(StoreConfig.h2(Path.of(args[0])))) {
                store.agencies().ensureOperator();
                System.out.println("READY");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
        }
    }

    @Test
    void aSecondServerOnTheSameDatabankIsRefused() throws Exception {
        Path data = dir.resolve("data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Holder.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                // start-up chatter
            }
            assertThat(line).as("the holder started").isEqualTo("READY");
            CliRun serve = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> CliRun.sieve(data, "serve", "--port", "0"));
            assertThat(serve.code()).isEqualTo(ExitCodes.ERROR);
            assertThat(serve.err()).contains("open in another process").contains("--data");
            // commands still share it through the holder
            assertThat(CliRun.sieve(data, "lists").code()).isZero();
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
