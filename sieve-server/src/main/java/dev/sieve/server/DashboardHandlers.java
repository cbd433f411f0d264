package dev.sieve.server;

import dev.sieve.alerts.AlertStore;
import dev.sieve.store.Role;
import dev.sieve.store.SieveStore;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/dashboard}: what a head of compliance looks at, for the caller's agency: alerts by state, those in play
 * by age, closing decisions per day over the last 30 days, and each list source's newest publication with its age.
 */
final class DashboardHandlers {
    static final int DAYS = 30;

    private final SieveStore store;
    private final AlertStore alerts;
    private final Auth auth;

    DashboardHandlers(SieveStore store, AlertStore alerts, Auth auth) {
        this.store = store;
        this.alerts = alerts;
        this.auth = auth;
    }

    void register(RouteTable routes) {
        routes.get("/v1/dashboard", this::dashboard);
    }

    private void dashboard(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR, Role.AUDITOR);
        Instant now = Instant.now();
        AlertStore.Summary s = alerts.summary(caller.agency(), now, DAYS);
        // one read of the publications: the newest of each source comes last (as latestPublication has it)
        List<Object> lists = new ArrayList<>();
        store.publicationsBySource().forEach((source, pubs) -> {
            var p = pubs.getLast();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", source);
            m.put("latest", Views.PublicationView.of(p));
            m.put("age_days", Duration.between(p.effectiveAt(), now).toDays());
            m.put("publications", pubs.size());
            lists.add(m);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("agency", caller.agency());
        out.put("alerts_by_state", s.byState());
        out.put("in_play_by_age", s.inPlayByAge());
        out.put("decisions_per_day", s.decisionsPerDay());
        out.put("lists", lists);
        ApiJson.send(ctx, out);
    }
}
