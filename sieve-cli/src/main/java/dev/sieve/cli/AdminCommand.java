package dev.sieve.cli;

import dev.sieve.store.Actor;
import dev.sieve.store.Agencies;
import dev.sieve.store.Role;
import dev.sieve.store.SieveStore;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sieve admin}: the operator's tasks on the databank itself. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Operator tasks: API keys, backups.",
        subcommands = {AdminCommand.CreateKey.class, AdminCommand.Backup.class})
final class AdminCommand implements Runnable {
    @ParentCommand
    SieveCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code sieve admin create-key --role ROLE [--agency ID]}: prints the new key as its last line. */
    @Command(name = "create-key", mixinStandardHelpOptions = true,
            description = "Create an API key and print it (as the last line). Only its hash is stored.")
    static final class CreateKey extends CliCommand implements Callable<Integer> {
        @ParentCommand
        AdminCommand admin;

        @Option(names = "--role", required = true, description = "admin, contributor, analyst or auditor.")
        String role;

        @Option(names = "--agency", description = "The agency the key acts for (default: the operator agency).")
        String agency;

        @Override
        public Integer call() {
            Role r = Role.parse(role);
            try (SieveStore store = Databank.open(admin.root)) {
                store.agencies().ensureOperator();
                String a = agency != null ? agency : Actor.OPERATOR_AGENCY;
                if (store.agencies().agency(a).isEmpty()) {
                    throw new UserException("no agency '" + a + "'; create it first (POST /v1/agencies)");
                }
                Agencies.IssuedKey k = store.agencies().issueKey(Actor.cli(), a, r);
                if (json) {
                    Output.json(out(), java.util.Map.of("key", k.secret(), "key_id", k.key().id(), "agency", a, "role", r.label()));
                } else {
                    out().printf("Created %s key %s for agency %s. It is shown only this once:%n", r.label(), k.key().id(), a);
                    out().println(k.secret());
                }
            }
            return 0;
        }
    }

    /** {@code sieve admin backup FILE.zip}: a consistent copy of the embedded databank, taken while it is in use. */
    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Copy the embedded databank into a zip file, consistent even while sieve serve runs. Restore by"
                    + " unzipping it into an empty folder and giving that as --data. (PostgreSQL: use pg_dump.)")
    static final class Backup extends CliCommand implements Callable<Integer> {
        @ParentCommand
        AdminCommand admin;

        @CommandLine.Parameters(index = "0", paramLabel = "FILE.zip")
        java.nio.file.Path zip;

        @Override
        public Integer call() throws java.io.IOException {
            if (java.nio.file.Files.exists(zip)) throw new UserException(zip + ": already exists; give a new file name");
            java.nio.file.Path parent = zip.toAbsolutePath().getParent();
            if (!java.nio.file.Files.isDirectory(parent)) throw new UserException(zip + ": folder " + parent + " does not exist");
            try (SieveStore store = Databank.open(admin.root)) {
                store.backupTo(zip);
            }
            out().printf("backed up to %s (%,d bytes); restore: unzip it into an empty folder and use that as --data%n", zip,
                    java.nio.file.Files.size(zip));
            return 0;
        }
    }
}
