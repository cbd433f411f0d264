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
        java.time.Duration stale = staleAfter(); // a wrong value is refused before anything starts
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
                .withStaleAfter(stale)).start();
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
