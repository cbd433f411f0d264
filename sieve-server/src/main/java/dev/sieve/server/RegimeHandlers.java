package dev.sieve.server;

import dev.sieve.regimes.Regime;
import dev.sieve.regimes.RegimeCatalogue;
import dev.sieve.regimes.RegimeView;
import dev.sieve.store.Role;
import io.javalin.http.Context;
import java.time.LocalDate;

/** The sanctions regimes Sieve knows, their measures and each measure's history: the same for every caller. */
final class RegimeHandlers {
    private final RegimeCatalogue catalogue;
    private final Auth auth;

    RegimeHandlers(RegimeCatalogue catalogue, Auth auth) {
        this.catalogue = catalogue;
        this.auth = auth;
    }

    void register(RouteTable routes) {
        routes.get("/v1/regimes", this::list);
        routes.get("/v1/regimes/{id}", this::get);
    }

    private void list(Context ctx) {
        auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR, Role.ADMIN, Role.AUDITOR);
        LocalDate day = asOf(ctx);
        ApiJson.send(ctx, Views.map("as_of", day.toString(), "regimes",
                catalogue.regimes().stream().map(r -> RegimeView.of(r, day, false)).toList()));
    }

    private void get(Context ctx) {
        auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR, Role.ADMIN, Role.AUDITOR);
        LocalDate day = asOf(ctx);
        Regime r = catalogue.regime(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("no regime '"
                + ctx.pathParam("id") + "'"));
        ApiJson.send(ctx, RegimeView.of(r, day, true));
    }

    private static LocalDate asOf(Context ctx) {
        return Params.dayOrToday(ctx.queryParam("as_of"), "as_of");
    }
}
