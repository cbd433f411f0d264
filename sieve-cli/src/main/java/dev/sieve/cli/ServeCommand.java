package dev.sieve.cli;

import dev.sieve.server.SieveServer;
import dev.sieve.store.SieveStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sieve serve}: the REST API. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the screening service (REST API) on the databank. On first start with an empty databank it"
                + " creates an administrator API key and prints it once.")
final class ServeCommand extends CliCommand implements Callable<Integer> {
    @ParentCommand
    SieveCommand root;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--webhooks-to-private", description = "Let agencies' webhooks call addresses inside this network"
            + " (loopback, private, link-local); refused by default, so no agency can make the server call its neighbours.")
    boolean webhooksToPrivate;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--stale-after", defaultValue = "7d", paramLabel = "AGE",
            description = "A list source whose newest publication is older than this makes /healthz say degraded"
                    + " (7d, 36h, P7D; 0d: never; default: ${DEFAULT-VALUE}). Retired sources never do.")
    String staleAfterText;

    @Option(names = "--threshold", defaultValue = "0.78", paramLabel = "SCORE",
            description = "The alert threshold of screenings that give none, and of monitoring (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--update-every", paramLabel = "WHEN",
            description = "Update the official lists from within the server: 1h, 6h, P1D, or a cron expression ('17 */4 * * *', UTC);"
                    + " a failed source is retried after 1, 2, 4, 8, 16 minutes; failures show in /healthz and /metrics. Default: none.")
    String updateEvery;

    @Option(names = "--sources", paramLabel = "FILE",
            description = "With --update-every: a properties file of SOURCE.FILE=URL lines laid over the official URLs (a mirror)."
                    + " Default: the official URLs.")
    java.nio.file.Path sourcesFile;

    @Option(names = "--rate-limit", defaultValue = "off", paramLabel = "RATE",
            description = "Requests each API key may make: 50/s, 3000/min, 50/s:200 (a burst of 200), or off; over it, 429 with"
                    + " Retry-After (default: ${DEFAULT-VALUE}).")
    String rateLimit;

    @Option(names = "--metrics-key", paramLabel = "KEY",
            description = "Ask for this key on /metrics ('Authorization: Bearer KEY'); set it as $SIEVE_METRICS_KEY or in --config,"
                    + " not here where ps shows it. Default: /metrics is open.")
    String metricsKey;

    @Option(names = "--access-log", defaultValue = "true", paramLabel = "BOOLEAN", arity = "1",
            description = "One log line per request: route, status, time, agency, key id, request id (default: ${DEFAULT-VALUE}).")
    boolean accessLog;

    @Option(names = "--poll", defaultValue = "30", paramLabel = "SECONDS",
            description = "How often to look for lists loaded or entries changed by other processes (0: never; default: ${DEFAULT-VALUE}).")
    int pollSeconds;

    /** Before the index is built (which takes seconds): a port in use is said at once, in one line. */
    private void checkPortFree() {
        if (port == 0) return;
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.net.BindException e) {
            throw new UserException(host + ":" + port + " is already in use (another `sieve serve`?); choose another with --port");
        } catch (java.io.IOException e) {
            throw new UserException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
    }

    /**
     * The server must own its embedded databank: were another process (a second server, or a command) holding
     * it, this one would reach it through that process, whose end would take the databank away under it.
     */
    private void checkDatabankFree() {
        if (Databank.external(root.db, System::getenv) != null) return;
        java.nio.file.Path dir = Databank.dataDir(root);
        if (!java.nio.file.Files.exists(dir.resolve("sieve.mv.db"))) return;
        dev.sieve.store.StoreConfig config = dev.sieve.store.StoreConfig.h2(dir);
        String exclusive = config.jdbcUrl().replace(";AUTO_SERVER=TRUE", "");
        try (java.sql.Connection probe = java.sql.DriverManager.getConnection(exclusive, config.user(), config.password())) {
            probe.isValid(1);
        } catch (java.sql.SQLException e) {
            if (e.getErrorCode() == 90020) { // DATABASE_ALREADY_OPEN: another process has the file
                throw new UserException("the databank in " + dir + " is open in another process (a running `sieve serve`,"
                        + " or a command still working); stop it first, or give this server its own --data");
            }
            throw new UserException("cannot open the databank in " + dir + ": " + e.getMessage());
        }
    }

    private java.time.Duration staleAfter() {
        try {
            return dev.sieve.databank.SourceFreshness.parseAge(staleAfterText);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--stale-after: " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        // every wrong value is refused before anything starts
        java.time.Duration stale = staleAfter();
        if (!(threshold > 0 && threshold <= 1)) throw new UsageException("--threshold: " + threshold + " is not above 0 and at most 1");
        dev.sieve.server.RateLimiter.Limit limit;
        dev.sieve.databank.ListUpdateScheduler.Schedule schedule = null;
        try {
            limit = dev.sieve.server.RateLimiter.Limit.parse(rateLimit);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rate-limit: " + e.getMessage());
        }
        dev.sieve.databank.OfficialSources sources = dev.sieve.databank.OfficialSources.defaults();
        if (updateEvery != null && !updateEvery.isBlank()) {
            try {
                schedule = dev.sieve.databank.ListUpdateScheduler.Schedule.parse(updateEvery);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--update-every: " + e.getMessage());
            }
        }
        if (sourcesFile != null) {
            if (schedule == null) throw new UsageException("--sources is for the server's own updates: give --update-every too");
            try {
                sources = sources.withFile(sourcesFile);
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new UsageException("--sources " + sourcesFile + ": " + e.getMessage());
            }
        }
        PrintWriter out = out();
        checkPortFree();
        checkDatabankFree();
        SieveStore store = Databank.open(root);
        SieveServer.bootstrap(store).ifPresent(key -> {
            out.println("Created the first administrator API key. It is shown only this once; keep it safe:");
            out.println(key);
        });
        SieveServer server = new SieveServer(store, new SieveServer.Options(host, port, Duration.ofSeconds(pollSeconds),
                SieveServer.Options.DEFAULT_BODY_BUDGET, dev.sieve.alerts.WebhookDeliverer.Retry.DEFAULT, webhooksToPrivate)
                .withStaleAfter(stale).withThreshold(threshold).withRateLimit(limit)
                .withMetricsKey(metricsKey == null || metricsKey.isBlank() ? null : metricsKey).withUpdates(schedule == null ? null : new dev.sieve.databank.ListUpdateScheduler.Plan(schedule, sources))
                .withAccessLog(accessLog)).start();
        out.printf("Sieve is listening on http://%s:%d (%d list entities, %d databank entries)%n", host, server.port(),
                server.screening().snapshot().engine().entityCount(), server.screening().databankSnapshot().entries().size());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
