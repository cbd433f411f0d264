package dev.sieve.cli;

import dev.sieve.alerts.Alert;
import dev.sieve.alerts.Monitor;
import dev.sieve.alerts.Subject;
import dev.sieve.alerts.SubjectData;
import dev.sieve.alerts.SubjectStore;
import dev.sieve.model.Countries;
import dev.sieve.model.Match;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.store.Actor;
import dev.sieve.store.SieveStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sieve subjects}: an agency's monitored subjects; {@code add} enrols one (screened at once), {@code show}
 * one with its screenings, {@code remove} stops monitoring one. A customer file is enrolled with {@code sieve
 * screen --input FILE --monitor}.
 */
@Command(name = "subjects", mixinStandardHelpOptions = true,
        description = "An agency's monitored subjects (re-screened whenever a list changes).",
        subcommands = {SubjectsCommand.Add.class, SubjectsCommand.Show.class, SubjectsCommand.Remove.class})
final class SubjectsCommand extends CliCommand implements Callable<Integer> {
    @ParentCommand
    SieveCommand root;

    @Option(names = "--agency", paramLabel = "ID", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Whose subjects (default: the operator's own).")
    String agency;

    @Option(names = "--after", paramLabel = "ID", description = "List the subjects after this id (the next page).")
    String after;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 10_000) throw new UsageException("--limit must be 1 to 10000");
        try (SieveStore store = Databank.open(root)) {
            String id = Monitoring.actor(store, agency).agency();
            List<Subject> page = new SubjectStore(store).monitored(id, after, limit);
            if (json) {
                Output.json(out(), page.stream().map(SubjectsCommand::shown).toList());
                return 0;
            }
            if (page.isEmpty()) {
                out().printf("no monitored subjects of %s%s%n", id, after == null ? "" : " after " + after);
                return 0;
            }
            Table t = new Table(Table.Column.shrinks("ID", false, 2, 8), Table.Column.shrinks("NAME", false, 3, 12),
                    Table.Column.drops("SCHEMA", false, 1), Table.Column.drops("BORN", false, 0), Table.Column.fixed("VERSION", true));
            for (Subject s : page) {
                t.row(s.externalId(), s.data().name(), s.data().schema() == null ? "" : s.data().schema().label(),
                        s.data().birthDate() == null ? "" : s.data().birthDate().toString(), s.version());
            }
            t.print(out(), terminal());
            if (page.size() == limit) out().printf("(more: --after %s)%n", page.getLast().externalId());
        }
        return 0;
    }

    static Map<String, Object> shown(Subject s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.externalId());
        m.put("agency", s.agency());
        m.putAll(s.data().fields(true));
        m.put("version", s.version());
        m.put("monitored", s.active());
        m.put("created_at", s.createdAt());
        m.put("updated_at", s.updatedAt());
        return m;
    }

    /** {@code sieve subjects add ID --name NAME [...]}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Enrol (or change) a subject: stored, screened at once, its hits alerts.")
    static final class Add extends CliCommand implements Callable<Integer> {
        @ParentCommand
        SubjectsCommand parent;

        @Parameters(paramLabel = "ID", description = "The agency's own id for the subject.")
        String id;

        @Option(names = "--name", required = true) String name;
        @Option(names = "--alias", paramLabel = "NAME", description = "Another name. Repeatable.") List<String> aliases = new ArrayList<>();
        @Option(names = "--schema", description = "Person, Organization, Vessel or Airplane.") String schema;
        @Option(names = "--dob", paramLabel = "DATE", description = "Date of birth: YYYY, YYYY-MM or YYYY-MM-DD.") String dob;
        @Option(names = "--nationality", paramLabel = "CC") String nationality;

        @Override
        public Integer call() {
            String idProblem = SubjectData.externalIdProblem(id);
            if (idProblem != null) throw new UsageException("ID " + idProblem);
            String nameProblem = ScreeningQuery.nameProblem(name);
            if (nameProblem != null) throw new UsageException("--name " + nameProblem);
            for (String a : aliases) {
                String p = ScreeningQuery.nameProblem(a);
                if (p != null) throw new UsageException("--alias '" + a + "' " + p);
            }
            SubjectData data = new SubjectData(name.strip(), aliases.stream().map(String::strip).toList(),
                    UsageException.option("--schema", schema, Schema::parse), UsageException.option("--dob", dob, PartialDate::parse),
                    UsageException.option("--nationality", nationality, Countries::parse), List.of(), Map.of());
            try (SieveStore store = Databank.open(parent.root)) {
                Actor actor = Monitoring.actor(store, parent.agency);
                Monitor.Enrolment e = Monitoring.monitor(store).enrol(actor, id, data);
                if (json) {
                    Map<String, Object> m = shown(e.subject());
                    m.put("matches", e.matches());
                    m.put("alerts_raised", e.raised().stream().map(Alert::id).toList());
                    Output.json(out(), m);
                } else {
                    out().printf("%s subject %s of %s (version %d): %d match%s, %d alert%s raised%n", e.created() ? "enrolled" : "changed",
                            id, actor.agency(), e.subject().version(), e.matches().size(), e.matches().size() == 1 ? "" : "es",
                            e.raised().size(), e.raised().size() == 1 ? "" : "s");
                    MatchText text = new MatchText(out(), terminal());
                    for (Match m : e.matches()) text.match(m, "  ");
                }
                return ExitCodes.of(e.matches().isEmpty());
            }
        }
    }

    /** {@code sieve subjects show ID}: a subject, its versions and its screenings. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "A subject with its versions and screenings.")
    static final class Show extends CliCommand implements Callable<Integer> {
        @ParentCommand
        SubjectsCommand parent;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            try (SieveStore store = Databank.open(parent.root)) {
                String agencyId = Monitoring.actor(store, parent.agency).agency();
                SubjectStore subjects = new SubjectStore(store);
                Subject s = subjects.subject(agencyId, id).orElseThrow(() -> new UserException("no subject '" + id + "' of " + agencyId));
                List<SubjectStore.Screening> screenings = subjects.screenings(agencyId, id);
                if (json) {
                    Map<String, Object> m = shown(s);
                    m.put("screenings", screenings);
                    Output.json(out(), m);
                    return 0;
                }
                out().printf("%s  %s%s  (version %d%s)%n", s.externalId(), s.data().name(),
                        s.data().birthDate() == null ? "" : ", born " + s.data().birthDate(), s.version(), s.active() ? "" : ", not monitored");
                for (SubjectStore.Screening sc : screenings) {
                    out().printf("  %s  %-10s%s  alerted on: %s%n", sc.at(), sc.kind(), sc.runId() == null ? "" : " run " + sc.runId(),
                            sc.entities().isEmpty() ? "nothing" : String.join(", ", sc.entities()));
                }
            }
            return 0;
        }
    }

    /** {@code sieve subjects remove ID}: monitoring stops; the subject keeps its history and alerts. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop monitoring a subject (its history stays).")
    static final class Remove extends CliCommand implements Callable<Integer> {
        @ParentCommand
        SubjectsCommand parent;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            try (SieveStore store = Databank.open(parent.root)) {
                Actor actor = Monitoring.actor(store, parent.agency);
                Subject s;
                try {
                    s = new SubjectStore(store).delete(actor, id);
                } catch (dev.sieve.store.NotFoundException e) {
                    throw new UserException(e.getMessage() + " of " + actor.agency());
                }
                if (json) Output.json(out(), shown(s));
                else out().printf("stopped monitoring %s of %s (version %d)%n", id, actor.agency(), s.version());
            }
            return 0;
        }
    }
}
