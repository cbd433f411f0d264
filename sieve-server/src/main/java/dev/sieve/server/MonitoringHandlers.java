package dev.sieve.server;

import dev.sieve.alerts.Monitor;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator's view of monitoring: its latest runs, and a full re-screen of every monitored subject (after the
 * engine or the threshold changed), carried out in the background like any run.
 */
final class MonitoringHandlers {
    private final Monitor monitor;
    private final MonitorRunner runner;
    private final Auth auth;

    MonitoringHandlers(Monitor monitor, MonitorRunner runner, Auth auth) {
        this.monitor = monitor;
        this.runner = runner;
        this.auth = auth;
    }

    void register(RouteTable routes) {
        routes.get("/v1/monitoring/runs", this::list);
        routes.post("/v1/monitoring/runs", this::start);
    }

    private void list(Context ctx) {
        auth.requireOperator(ctx, "reading monitoring runs");
        int limit = Params.integer(ctx.queryParam("limit"), "limit", 20, 1, 500);
        ApiJson.send(ctx, Views.map("runs", monitor.runs(limit).stream().map(MonitoringHandlers::view).toList()));
    }

    private void start(Context ctx) {
        Auth.Caller caller = auth.requireOperator(ctx, "starting a full re-screen");
        Requests.RescreenBody body = ApiJson.read(ctx, Requests.RescreenBody.class);
        if (!Boolean.TRUE.equals(body.full())) {
            throw ApiException.badRequest("full", "field 'full' must be true: a run over what changed starts by itself after"
                    + " every list or databank change; this starts a full re-screen");
        }
        Monitor.RunSummary run = monitor.startFullRescreen(caller.actor());
        runner.catchUpSoon();
        ctx.status(202).header("Location", "/v1/monitoring/runs");
        ApiJson.send(ctx, view(run));
    }

    static Map<String, Object> view(Monitor.RunSummary r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("status", r.status());
        m.put("full", r.from().isEmpty());
        m.put("from", r.from());
        m.put("to", r.to());
        m.put("entities_screened", r.entitiesScreened());
        m.put("entities_removed", r.entitiesRemoved());
        m.put("subjects", r.subjects());
        m.put("alerts_raised", r.alerts());
        m.put("delisted", r.delisted());
        if (r.error() != null) m.put("error", r.error());
        m.put("started_at", r.startedAt());
        if (r.finishedAt() != null) m.put("finished_at", r.finishedAt());
        return m;
    }
}
