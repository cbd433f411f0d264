package dev.sieve.cli;

import dev.sieve.alerts.Alert;
import dev.sieve.alerts.AlertEvent;
import dev.sieve.alerts.AlertFilter;
import dev.sieve.alerts.AlertState;
import dev.sieve.alerts.AlertStore;
import dev.sieve.store.SieveStore;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sieve alerts}: an agency's alerts, newest first, and {@code sieve alerts show ID}. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "An agency's alerts, newest first (monitored subjects, payments, travellers).",
        subcommands = {AlertsCommand.Show.class})
final class AlertsCommand extends CliCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    @ParentCommand
    SieveCommand root;

    @Option(names = "--agency", paramLabel = "ID", description = "Whose alerts (default: the operator's own).")
    String agency;

    @Option(names = "--state", description = "open, in_review, escalated, true_match, false_positive or delisted.")
    String state;

    @Option(names = "--source", description = "monitoring, payment or traveller.")
    String source;

    @Option(names = "--subject", paramLabel = "ID", description = "One subject's (or held payment's) alerts.")
    String subject;

    @Option(names = "--entity", paramLabel = "ID", description = "Alerts on one listed entity.")
    String entity;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}, at most 500).")
    int limit;

    @Override
    public Integer call() {
        AlertState s = UsageException.option("--state", state, AlertState::parse);
        if (limit < 1 || limit > AlertFilter.MAX_LIMIT) throw new UsageException("--limit must be 1 to " + AlertFilter.MAX_LIMIT);
        try (SieveStore store = Databank.open(root)) {
            String id = Monitoring.actor(store, agency).agency();
            List<Alert> page = new AlertStore(store).alerts(id, new AlertFilter(s, subject, entity, source, null, null, null, limit));
            if (json) {
                Output.json(out(), page.stream().map(AlertsCommand::shown).toList());
                return 0;
            }
            if (page.isEmpty()) {
                out().printf("no %salerts for %s%n", s == null ? "" : s.label() + " ", id);
                return 0;
            }
            Table t = new Table(Table.Column.fixed("ID", false), Table.Column.fixed("STATE", false),
                    Table.Column.fixed("SCORE", true), Table.Column.shrinks("SUBJECT", false, 2, 10),
                    Table.Column.shrinks("ENTITY", false, 3, 12), Table.Column.drops("LIST", false, 1),
                    Table.Column.drops("RAISED (UTC)", false, 0));
            for (Alert a : page) {
                t.row(a.id(), a.state().label() + (a.proposal() != null ? " (proposed " + a.proposal().decision().label() + ")" : ""),
                        String.format("%.2f", a.score()), a.subjectId(), a.entityName() + " [" + a.entityId() + "]", a.entitySource(),
                        WHEN.format(a.createdAt()));
            }
            t.print(out(), terminal());
            if (page.size() == limit) out().printf("(the newest %d; --limit for more)%n", limit);
        }
        return 0;
    }

    static Map<String, Object> shown(Alert a) {
        Map<String, Object> m = a.summary();
        m.put("agency", a.agency());
        if (a.assignee() != null) m.put("assignee", a.assignee());
        if (a.proposal() != null) m.put("proposal", Map.of("decision", a.proposal().decision().label(), "by", a.proposal().by()));
        if (a.decidedBy() != null) m.put("decided_by", a.decidedBy());
        if (a.decisionReason() != null) m.put("decision_reason", a.decisionReason());
        if (a.previousAlert() != null) m.put("previous_alert", a.previousAlert());
        m.put("created_at", a.createdAt());
        m.put("updated_at", a.updatedAt());
        return m;
    }

    /** {@code sieve alerts show ID}: one alert with its history. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "One alert with the match and its history.")
    static final class Show extends CliCommand implements Callable<Integer> {
        @ParentCommand
        AlertsCommand parent;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            try (SieveStore store = Databank.open(parent.root)) {
                String agencyId = Monitoring.actor(store, parent.agency).agency();
                AlertStore alerts = new AlertStore(store);
                Alert a = alerts.alert(agencyId, id).orElseThrow(() -> new UserException("no alert " + id + " of " + agencyId
                        + (parent.agency == null ? " (another agency's: --agency ID)" : "")));
                List<AlertEvent> history = alerts.history(a);
                if (json) {
                    Map<String, Object> m = shown(a);
                    m.put("detail", dev.sieve.store.EntityJson.mapper().readTree(a.detail()));
                    m.put("history", history);
                    Output.json(out(), m);
                    return 0;
                }
                out().printf("%s  %s  %.2f  %s%n", a.id(), a.state().label(), a.score(), a.origin());
                out().printf("  subject  %s%n", a.subjectId());
                out().printf("  entity   %s [%s] on %s%n", a.entityName(), a.entityId(), a.entitySource());
                if (a.previousAlert() != null) out().printf("  follows  %s%n", a.previousAlert());
                for (AlertEvent e : history) {
                    out().printf("  %s  %-9s %-8s %s%s%n", WHEN.format(e.at()), e.action(), e.keyId(),
                            e.toState() == null ? "" : e.toState().label(), e.note() == null ? "" : "  " + e.note());
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return 0;
        }
    }
}
