package dev.sieve.server;

import dev.sieve.store.AuditLog;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Every screening's audit event, appended before its answer goes out (a screening not recorded is not answered). */
final class ScreeningAudit {
    private ScreeningAudit() {
    }

    /** Appends the event and waits until it is durable; its sequence number. */
    static long append(AuditLog audit, Auth.Caller caller, String action, String target, Object detail) {
        try {
            return audit.record(new AuditLog.Draft(caller.actor(), action, target == null ? null : truncate(target),
                    ApiJson.write(detail))).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
    }

    private static String truncate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300);
    }

    private static ApiException unavailable() {
        return new ApiException(503, "Audit trail unavailable",
                "the screening could not be recorded on the audit trail, so its result is withheld; retry", null, null);
    }
}
