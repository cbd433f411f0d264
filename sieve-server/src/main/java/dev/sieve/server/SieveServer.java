package dev.sieve.server;

import dev.sieve.exemptions.ExemptionStore;
import dev.sieve.regimes.RegimeCatalogue;
import dev.sieve.alerts.WebhookDeliverer;
import dev.sieve.alerts.WebhookStore;
import dev.sieve.screening.ScreeningService;
import dev.sieve.store.Actor;
import dev.sieve.store.Agencies;
import dev.sieve.store.ConflictException;
import dev.sieve.store.ForbiddenException;
import dev.sieve.store.NotFoundException;
import dev.sieve.store.Role;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StaleVersionException;
import dev.sieve.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screening service: the REST API over one databank (H2 or PostgreSQL), on Javalin with virtual
 * threads. Start it with {@link #start}; it builds its indexes before it accepts requests.
 */
public final class SieveServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SieveServer.class);
    private static final String PROBLEM_JSON = "application/problem+json";

    /**
     * How the server runs. The short constructors give the defaults; the {@code with...} methods change one setting.
     *
     * @param pollInterval how often to look for changes made by other processes (zero: never)
     * @param bodyBudget how many bytes of request bodies may be held in memory at once, across all requests
     * @param webhooksToPrivate whether webhooks may call addresses inside this network (loopback, private, link-local)
     * @param staleAfter a list source whose newest publication is older than this makes {@code /healthz} say
     *                   {@code degraded} (zero: never)
     * @param threshold the alert threshold of screenings that name none (and of monitoring)
     * @param rateLimit requests per second and burst allowed to each API key; null: no limit
     * @param metricsKey the key {@code /metrics} asks for ({@code Authorization: Bearer <key>}); null: open
     * @param updates the server's own schedule of official list updates and the sources it fetches; null: none
     * @param accessLog whether each request is written to the log {@code sieve.access}
     */
    public record Options(String host, int port, Duration pollInterval, long bodyBudget, WebhookDeliverer.Retry webhookRetry,
                          boolean webhooksToPrivate, Duration staleAfter, double threshold, RateLimiter.Limit rateLimit,
                          String metricsKey, dev.sieve.databank.ListUpdateScheduler.Plan updates, boolean accessLog) {
        /** 256 MB: two of the largest customer files (64 MB, held twice while assembled) at once, and many small bodies. */
        public static final long DEFAULT_BODY_BUDGET = 256L * 1024 * 1024;

        public Options(String host, int port, Duration pollInterval) {
            this(host, port, pollInterval, DEFAULT_BODY_BUDGET);
        }

        public Options(String host, int port, Duration pollInterval, long bodyBudget) {
            this(host, port, pollInterval, bodyBudget, WebhookDeliverer.Retry.DEFAULT, false);
        }

        public Options(String host, int port, Duration pollInterval, long bodyBudget, WebhookDeliverer.Retry webhookRetry,
                       boolean webhooksToPrivate) {
            this(host, port, pollInterval, bodyBudget, webhookRetry, webhooksToPrivate, dev.sieve.databank.SourceFreshness.DEFAULT_STALE_AFTER,
                    dev.sieve.match.MatchEngine.DEFAULT_THRESHOLD, null, null, null, false);
        }

        public Options withStaleAfter(Duration age) {
            return new Options(host, port, pollInterval, bodyBudget, webhookRetry, webhooksToPrivate, age, threshold, rateLimit, metricsKey, updates, accessLog);
        }

        public Options withThreshold(double t) {
            return new Options(host, port, pollInterval, bodyBudget, webhookRetry, webhooksToPrivate, staleAfter, t, rateLimit, metricsKey, updates, accessLog);
        }

        public Options withRateLimit(RateLimiter.Limit limit) {
            return new Options(host, port, pollInterval, bodyBudget, webhookRetry, webhooksToPrivate, staleAfter, threshold, limit, metricsKey, updates, accessLog);
        }

        public Options withMetricsKey(String key) {
            return new Options(host, port, pollInterval, bodyBudget, webhookRetry, webhooksToPrivate, staleAfter, threshold, rateLimit, key, updates, accessLog);
        }

        public Options withUpdates(dev.sieve.databank.ListUpdateScheduler.Plan schedule) {
            return new Options(host, port, pollInterval, bodyBudget, webhookRetry, webhooksToPrivate, staleAfter, threshold, rateLimit, metricsKey, schedule, accessLog);
        }

        /** One line per request in the log "sieve.access" (route, status, time, agency, key, request id). */
        public Options withAccessLog(boolean on) {
            return new Options(host, port, pollInterval, bodyBudget, webhookRetry, webhooksToPrivate, staleAfter, threshold, rateLimit,
                    metricsKey, updates, on);
        }

        public static Options defaults() {
            return new Options("127.0.0.1", 8080, Duration.ofSeconds(30));
        }
    }

    /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final java.util.logging.Logger PROWIDE_LOG = java.util.logging.Logger.getLogger("com.prowidesoftware");

    private final SieveStore store;
    private final Options options;
    private final BodyBudget bodyBudget;
    private final ScreeningService screening;
    private final ServerMetrics metrics;
    private dev.sieve.databank.ListUpdateScheduler updates;
    private final Background background = new Background("sieve-background");
    private final Reloader reloader;
    private final JobRunner jobs;
    private final dev.sieve.alerts.Monitor monitor;
    private final MonitorRunner monitoring;
    private final WebhookStore webhooks;
    private final WebhookDeliverer deliverer;
    private final byte[] openApi;
    private Javalin app;
    private List<RouteTable.Route> routes = List.of();

    public SieveServer(SieveStore store, Options options) {
        this.store = store;
        this.options = options;
        this.bodyBudget = new BodyBudget(options.bodyBudget());
        this.screening = new ScreeningService(options.threshold());
        this.metrics = new ServerMetrics(screening);
        this.monitor = new dev.sieve.alerts.Monitor(store, screening, true);
        this.monitoring = new MonitorRunner(monitor);
        this.webhooks = new WebhookStore(store);
        this.deliverer = new WebhookDeliverer(webhooks, options.webhookRetry(), options.webhooksToPrivate(), WEBHOOK_POLL);
        this.reloader = new Reloader(store, screening, metrics, background, monitoring::catchUpSoon);
        metrics.listFreshness(this::freshness);
        // every agency's alert counts only behind the metrics key: an open /metrics tells nothing about agencies' work
        if (options.metricsKey() != null) metrics.alertCounts(() -> monitor.alerts().countsByState());
        this.jobs = new JobRunner(store.jobs(), screening, monitor);
        try (InputStream in = SieveServer.class.getResourceAsStream("/openapi.yaml")) {
            this.openApi = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("openapi.yaml is missing from the build", e);
        }
    }

    /**
     * Prepares an empty databank for its first use: the operator agency, and, when no key exists yet,
     * an administrator key (returned once; only its hash is stored).
     */
    public static Optional<String> bootstrap(SieveStore store) {
        store.agencies().ensureOperator();
        if (store.agencies().anyKeys()) return Optional.empty();
        Agencies.IssuedKey k = store.agencies().issueKey(Actor.cli(), Actor.OPERATOR_AGENCY, Role.ADMIN);
        return Optional.of(k.secret());
    }

    /** Builds the indexes, then listens. */
    public SieveServer start() {
        reloader.reloadLists();
        dev.sieve.console.ConsoleSessions sessions = dev.sieve.console.ConsoleSessions.standard();
        Auth auth = new Auth(store.agencies(), sessions,
                options.rateLimit() == null ? null : new RateLimiter(options.rateLimit(), System::nanoTime));
        // Prowide logs every malformed message with a stack trace; the client is told what is wrong, and the
        // server's log is no place for the content of payments
        PROWIDE_LOG.setLevel(java.util.logging.Level.OFF);
        app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = ApiJson.MAX_BODY;
            // serialise in the request's own thread: streaming through a second thread costs more than it saves here
            cfg.jsonMapper(new JavalinJackson(ApiJson.MAPPER, false));
            // a deep accept queue: bursts of new connections (a batch client opening hundreds at once)
            // must wait to be accepted, not be reset by an overflowing default backlog of 50
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(options.host());
                connector.setPort(options.port());
                connector.setAcceptQueueSize(4096);
                connector.setIdleTimeout(60_000);
                return connector;
            });
            // Jetty's own refusals (a malformed path, a URI or headers too long) answer as the API does
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            RouteTable table = new RouteTable(cfg.routes);
            cfg.routes.before(ctx -> {
                ctx.attribute("sieve.start", System.nanoTime());
                String requestId = RequestIds.of(ctx.header(RequestIds.HEADER));
                ctx.attribute(RequestIds.ATTRIBUTE, requestId);
                ctx.header(RequestIds.HEADER, requestId);
                ctx.attribute(BodyBudget.ATTRIBUTE, bodyBudget);
                // text the databases cannot store is refused where it enters, as in JSON bodies
                for (var param : ctx.queryParamMap().entrySet()) {
                    for (String value : param.getValue()) {
                        String problem = ApiJson.textProblem(value);
                        if (problem != null) {
                            throw ApiException.badRequest(param.getKey(), "parameter '" + param.getKey() + "' " + problem);
                        }
                    }
                }
            });
            cfg.routes.after(this::measure);
            table.get("/healthz", this::health);
            table.get("/metrics", this::metrics);
            table.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
            ExemptionStore exemptions = monitor.exemptions();
            new ScreeningHandlers(screening, monitor.holds(), exemptions, store.audit(), auth, metrics).register(table);
            new EntityHandlers(store, auth, screening).register(table);
            new ListHandlers(store, auth, reloader, background).register(table);
            new AgencyHandlers(store.agencies(), auth).register(table);
            new DatabankHandlers(store.databank(), store.agencies(), auth, reloader).register(table);
            new AuditHandlers(store.audit(), auth).register(table);
            new MovementHandlers(store, auth).register(table);
            new JobHandlers(store.jobs(), jobs, auth).register(table);
            new SubjectHandlers(monitor, auth).register(table);
            new AlertHandlers(monitor.alerts(), auth).register(table);
            new DashboardHandlers(store, monitor.alerts(), auth).register(table);
            new HoldHandlers(monitor.holds(), auth).register(table);
            new WebhookHandlers(webhooks, auth, options.webhooksToPrivate()).register(table);
            new MonitoringHandlers(monitor, monitoring, auth).register(table);
            new RegimeHandlers(RegimeCatalogue.standard(), auth).register(table);
            new ExemptionHandlers(exemptions, monitor.alerts(), store.agencies(), auth).register(table);
            new ConsoleHandlers(sessions, auth, store.audit()).register(table, cfg.routes);
            new YenteHandlers(store, screening, auth).register(table);
            routes = table.routes();
            cfg.routes.exception(ApiException.class, (e, ctx) -> problem(ctx, e.status(), e.title(), e.getMessage(), e.field(), e.errors()));
            cfg.routes.exception(StaleVersionException.class, (e, ctx) -> problem(ctx, 412, "Precondition failed", e.getMessage(), "If-Match", null));
            cfg.routes.exception(ConflictException.class, (e, ctx) -> problem(ctx, 409, "Conflict", e.getMessage(), e.field(), null));
            cfg.routes.exception(NotFoundException.class, (e, ctx) -> problem(ctx, 404, "Not found", e.getMessage(), null, null));
            cfg.routes.exception(ForbiddenException.class, (e, ctx) -> problem(ctx, 403, "Forbidden", e.getMessage(), null, null));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(),
                    e.getStatus() == 404 ? "Not found" : "HTTP " + e.getStatus(),
                    e.getStatus() == 404 ? "no such resource: " + ctx.method() + " " + ctx.path() : e.getMessage(), null, null));
            cfg.routes.exception(StoreException.class, (e, ctx) -> {
                LOG.error("database error on {} {}", ctx.method(), ctx.path(), e);
                problem(ctx, 503, "Database unavailable", "the databank could not complete the request; nothing was changed", null, null);
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                problem(ctx, 500, "Internal error", "the request failed unexpectedly; nothing was changed", null, null);
            });
        });
        app.start();
        reloader.startPolling(options.pollInterval());
        if (options.updates() != null) {
            updates = new dev.sieve.databank.ListUpdateScheduler(new dev.sieve.databank.ListUpdater(new dev.sieve.databank.ListLoader(store)),
                    options.updates().sources(), options.updates().schedule(), java.time.Clock.systemUTC(), outcomes -> {
                        if (outcomes.stream().anyMatch(o -> o.ok() && o.report() != null
                                && o.report().loaded().stream().anyMatch(l -> !l.unchanged()))) {
                            reloader.reloadLists();
                        }
                    });
            metrics.listUpdates(updates::status);
            updates.start();
            LOG.info("official lists are updated {}", options.updates());
        }
        startSealing();
        jobs.start(); // resumes jobs a previous server left unfinished
        deliverer.start(); // and sends the webhook deliveries it left pending
        return this;
    }

    /** Bytes of request bodies that may still be taken in now (all of the budget when no body is being read). */
    int bodyBudgetAvailable() {
        return bodyBudget.available();
    }

    /** The port listened on (useful when started on port 0). */
    public int port() {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }

    /** The API's routes as registered (method, path), for checking against openapi.yaml. */
    public List<RouteTable.Route> routes() {
        return routes;
    }

    public ScreeningService screening() {
        return screening;
    }

    /** Monitored subjects, alerts and monitoring runs. */
    public dev.sieve.alerts.Monitor monitor() {
        return monitor;
    }

    /** Works on one job for at most {@code maxChunks} chunks of rows (for tests of resumption). */
    boolean runJob(String id, int maxChunks) {
        return jobs.run(id, maxChunks);
    }

    /**
     * Serving, with what the live index holds; {@code degraded} (still 200: the service answers) when a list source
     * has published nothing for longer than {@link Options#staleAfter}, so a source that stopped updating is noticed.
     */
    private void health(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<dev.sieve.databank.SourceFreshness.Fresh> fresh = freshness();
        boolean stale = fresh.stream().anyMatch(dev.sieve.databank.SourceFreshness.Fresh::stale);
        out.put("status", stale ? "degraded" : "ok");
        out.put("entities", screening.snapshot().engine().entityCount());
        // no databank count: without a key, it would tell how many entries agencies keep private
        out.put("publications", Views.publicationsJson(screening.snapshot().publications()));
        List<Object> lists = new java.util.ArrayList<>();
        for (var f : fresh) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", f.source());
            m.put("newest", f.newest().effectiveAt().toString());
            m.put("age_hours", f.age().toHours());
            m.put("stale", f.stale());
            if (f.retired() != null) m.put("retired", Map.of("since", f.retired().since().toString(), "replaced_by", f.retired().replacedBy()));
            lists.add(m);
        }
        out.put("lists", lists);
        List<String> problems = new java.util.ArrayList<>();
        if (updates != null) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("schedule", options.updates().toString());
            u.put("next_run", updates.nextRun() == null ? null : updates.nextRun().toString());
            List<Object> perSource = new java.util.ArrayList<>();
            for (var st : updates.status().values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("source", st.source());
                m.put("last_attempt", String.valueOf(st.lastAttempt()));
                m.put("last_success", st.lastSuccess() == null ? null : st.lastSuccess().toString());
                m.put("failing", st.failing());
                if (st.failing()) {
                    m.put("error", st.lastError());
                    m.put("failures_in_a_row", st.failuresInARow());
                    m.put("next_retry", st.nextRetry() == null ? null : st.nextRetry().toString());
                    problems.add("the update of list source " + st.source() + " failed " + st.failuresInARow() + " time(s) in a row: " + st.lastError());
                }
                perSource.add(m);
            }
            u.put("sources", perSource);
            out.put("updates", u);
        }
        if (!problems.isEmpty()) out.put("status", "degraded");
        if (stale) {
            out.put("stale_after_hours", options.staleAfter().toHours());
            fresh.stream().filter(dev.sieve.databank.SourceFreshness.Fresh::stale)
                    .map(f -> "list source " + f.source() + " has published nothing for " + f.age().toDays() + " days").forEach(problems::add);
        }
        if (!problems.isEmpty()) out.put("problems", problems);
        ApiJson.send(ctx, out);
    }

    /** Prometheus's text; behind a key when the server was given one (its figures tell how busy each list and route is). */
    private void metrics(Context ctx) {
        if (options.metricsKey() != null) {
            String h = ctx.header("Authorization");
            String given = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : "";
            if (!java.security.MessageDigest.isEqual(given.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    options.metricsKey().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                throw new ApiException(401, "Unauthorized", "/metrics needs the metrics key as 'Authorization: Bearer <key>'", null, null);
            }
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    /** Each source of the live index with the age of its newest publication. */
    List<dev.sieve.databank.SourceFreshness.Fresh> freshness() {
        return dev.sieve.databank.SourceFreshness.of(screening.snapshot().publications(), java.time.Instant.now(), options.staleAfter());
    }

    private static final Logger ACCESS = LoggerFactory.getLogger("sieve.access");

    private void measure(Context ctx) {
        bodyBudget.release(ctx);
        Long start = ctx.attribute("sieve.start");
        if (start == null) return;
        var endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        long nanos = System.nanoTime() - start;
        metrics.request(ctx.method().name(), route, ctx.statusCode(), nanos);
        if (options.accessLog() && ACCESS.isInfoEnabled()) {
            // the route, never the path or query: they can carry names and ids that are not the log's to keep
            Auth.Caller caller = ctx.attribute(Auth.CALLER_ATTRIBUTE);
            String requestId = ctx.attribute(RequestIds.ATTRIBUTE);
            Object agency = caller == null ? null : caller.agency();
            Object keyId = caller == null ? null : caller.keyId();
            Object status = ctx.statusCode();
            Object millis = Math.round(nanos / 1e5) / 10.0;
            ACCESS.atInfo().addKeyValue("request_id", (Object) requestId).addKeyValue("method", (Object) ctx.method().name())
                    .addKeyValue("route", (Object) route).addKeyValue("status", status).addKeyValue("duration_ms", millis)
                    .addKeyValue("agency", agency).addKeyValue("key_id", keyId)
                    .log("{} {} {}", ctx.method().name(), route, ctx.statusCode());
        }
    }

    private static void problem(Context ctx, int status, String title, String detail, String field, List<?> errors) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        p.put("instance", ctx.path());
        if (field != null) p.put("field", field);
        if (errors != null && !errors.isEmpty()) p.put("errors", errors);
        if (status == 401) ctx.header("WWW-Authenticate", "Bearer");
        ApiJson.drainUnread(ctx);
        ctx.status(status).contentType(PROBLEM_JSON).result(ApiJson.write(p));
    }

    private volatile Thread sealer;

    /** Checkpoints the audit trail outside the database every few seconds, when the store has a seal. */
    private void startSealing() {
        dev.sieve.store.AuditSeal seal = store.seal();
        if (seal == null) return;
        sealer = Thread.ofPlatform().daemon().name("sieve-audit-seal").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(SEAL_EVERY_MILLIS);
                    seal.checkpoint(store.audit());
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.warn("cannot checkpoint the audit trail: {}", e.getMessage());
                }
            }
        });
    }

    /** How often pending webhook deliveries are looked for. */
    static final Duration WEBHOOK_POLL = Duration.ofMillis(250);

    /** How often the audit trail's head is sealed outside the database while the server runs. */
    static final long SEAL_EVERY_MILLIS = 5_000;

    @Override
    public void close() {
        Thread s = sealer;
        if (s != null) s.interrupt();
        if (updates != null) updates.close();
        jobs.close();
        monitoring.close();
        deliverer.close();
        reloader.close();
        background.close();
        if (app != null) app.stop();
    }
}
