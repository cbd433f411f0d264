package dev.sieve.cli;

import dev.sieve.store.AuditLog;
import dev.sieve.store.SieveStore;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code sieve audit}: the audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit trail.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {
    @ParentCommand
    SieveCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code sieve audit verify}: exit 0 when the chain is intact, 4 (something needs a look) when it was tampered with. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the hash chain of the whole audit trail and the checkpoints that seal it (kept with the"
                    + " data folder, outside the database): exit 0 if intact, 4 if any event was altered, removed or inserted.")
    static final class Verify extends CliCommand implements Callable<Integer> {
        @ParentCommand
        AuditCommand audit;

        @Override
        public Integer call() {
            try (SieveStore store = Databank.open(audit.root)) {
                AuditLog.Verification v = store.audit().verify(store.seal());
                if (json) {
                    Output.json(out(), v);
                } else if (v.intact()) {
                    out().printf("audit trail intact: %d events, every hash checks; sealed up to event %d by checkpoints kept"
                            + " outside the database%n", v.events(), v.sealedUpTo());
                } else {
                    out().printf("audit trail BROKEN at event %d: %s%n", v.firstBrokenSeq(), v.problem());
                }
                return ExitCodes.of(v.intact());
            }
        }
    }
}
