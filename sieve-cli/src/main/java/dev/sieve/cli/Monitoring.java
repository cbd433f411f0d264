package dev.sieve.cli;

import dev.sieve.alerts.Monitor;
import dev.sieve.screening.ScreeningService;
import dev.sieve.store.Actor;
import dev.sieve.store.SieveStore;

/** What the subject and alert commands share: the agency acted for, and a monitor over the databank. */
final class Monitoring {
    private Monitoring() {
    }

    /** The operator on the command line, for {@code agency} (the operator's own when null), which must exist. */
    static Actor actor(SieveStore store, String agency) {
        String id = agency == null ? Actor.OPERATOR_AGENCY : agency;
        if (agency == null) store.agencies().ensureOperator();
        else if (store.agencies().agency(id).isEmpty()) throw new UserException("--agency: no agency '" + id + "' in the databank");
        return new Actor(id, Actor.cli().keyId());
    }

    /** A monitor screening against the databank's lists and the entries the agency may see. */
    static Monitor monitor(SieveStore store) {
        ScreeningService service = new ScreeningService();
        service.reload(store, java.util.List.of());
        service.reloadDatabank(store);
        if (service.snapshot().engine().entityCount() == 0) {
            throw new UserException("no lists to screen against: load some with `sieve lists load PATH`");
        }
        return new Monitor(store, service);
    }
}
