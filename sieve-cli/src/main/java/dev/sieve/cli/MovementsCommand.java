package dev.sieve.cli;

import dev.sieve.model.DatabankEntry;
import dev.sieve.store.Actor;
import dev.sieve.store.Sighting;
import dev.sieve.store.SieveStore;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sieve movements ID} and {@code sieve movements confirm}: the operator's view of sightings. */
@Command(name = "movements", mixinStandardHelpOptions = true,
        description = "An entity's confirmed sightings (flights), in time order.",
        subcommands = {MovementsCommand.Confirm.class})
final class MovementsCommand extends CliCommand implements Callable<Integer> {
    @ParentCommand
    SieveCommand root;

    @Parameters(paramLabel = "ID", arity = "0..1")
    String id;

    @Override
    public Integer call() {
        if (id == null) {
            spec.commandLine().usage(out());
            return 0;
        }
        try (SieveStore store = Databank.open(root)) {
            List<Sighting> sightings = store.sightings().of(id);
            if (json) {
                Output.json(out(), sightings);
                return 0;
            }
            if (sightings.isEmpty()) out().printf("no sightings of %s%n", id);
            for (Sighting s : sightings) {
                out().printf("%s  %-8s %s -> %s%s  %s  (confirmed by %s)%n", s.departure(), s.flight(), s.from(), s.to(),
                        s.arrival() == null ? "" : " " + s.arrival(), s.document() == null ? "" : s.document(), s.agency());
            }
        }
        return 0;
    }

    /** {@code sieve movements confirm --entity ID --flight F --from A --departure T --to B [...]}. */
    @Command(name = "confirm", mixinStandardHelpOptions = true, description = "Record a confirmed traveller hit as a sighting.")
    static final class Confirm extends CliCommand implements Callable<Integer> {
        @ParentCommand
        MovementsCommand parent;

        @Option(names = "--entity", required = true) String entity;
        @Option(names = "--flight", required = true) String flight;
        @Option(names = "--from", required = true, description = "Departure airport code.") String from;
        @Option(names = "--departure", required = true, description = "Local date and time, e.g. 2026-11-28T14:05.") String departure;
        @Option(names = "--to", required = true, description = "Arrival airport code.") String to;
        @Option(names = "--arrival") String arrival;
        @Option(names = "--document") String document;
        @Option(names = "--name", description = "The traveller's name as the manifest gave it.") String name;

        @Override
        public Integer call() {
            LocalDateTime dep = time(departure, "--departure");
            LocalDateTime arr = arrival == null ? null : time(arrival, "--arrival");
            if (!from.matches("[A-Za-z0-9]{3,5}") || !to.matches("[A-Za-z0-9]{3,5}")) {
                throw new UserException("--from and --to must be airport codes such as FRA");
            }
            try (SieveStore store = Databank.open(parent.root)) {
                boolean known = DatabankEntry.isDatabank(entity) ? store.databank().entry(entity).isPresent()
                        : store.entity(entity).isPresent();
                if (!known) throw new UserException("no entity '" + entity + "' in the databank");
                Sighting s = store.sightings().record(Actor.cli(), entity, flight.strip(), from.toUpperCase(java.util.Locale.ROOT),
                        dep, to.toUpperCase(java.util.Locale.ROOT), arr, document, name, null);
                if (json) Output.json(out(), s);
                else out().printf("recorded sighting %d of %s: %s %s -> %s %s%n", s.id(), entity, s.flight(), s.from(), s.to(), s.departure());
            }
            return 0;
        }

        private static LocalDateTime time(String v, String option) {
            try {
                return LocalDateTime.parse(v);
            } catch (DateTimeParseException e) {
                throw new UserException(option + " must be a local date and time such as 2026-11-28T14:05, not '" + v + "'");
            }
        }
    }
}
