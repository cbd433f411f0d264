package dev.sieve.cli;

import dev.sieve.channels.Verdict;
import dev.sieve.channels.payment.Payment;
import dev.sieve.channels.payment.PaymentFormatException;
import dev.sieve.channels.payment.PaymentReader;
import dev.sieve.channels.payment.PaymentScreening;
import dev.sieve.screening.ScreeningService;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sieve screen-payment FILE...}: payment messages, a verdict per payment. */
@Command(name = "screen-payment", mixinStandardHelpOptions = true,
        description = "Screen payment messages (ISO 20022 pacs.008 / pain.001, SWIFT MT103 or an RJE batch of them):"
                + " every party and agent name, every BIC, and free text. A verdict per payment: clear, hit or"
                + " could not screen.")
final class ScreenPaymentCommand extends CliCommand implements Callable<Integer> {
    @ParentCommand
    SieveCommand root;

    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<Path> files;

    @Option(names = "--lists", paramLabel = "PATH", description = "Screen against these list files instead of the databank.")
    List<Path> lists;

    @Override
    public Integer call() throws Exception {
        ScreeningService service = Engines.load(root, lists);
        PaymentScreening screening = new PaymentScreening(q -> service.screen(q).matches(), service::mayBeNamePart);
        PrintWriter out = out();
        MatchText text = new MatchText(out, terminal());
        List<Object> report = new ArrayList<>();
        boolean allClear = true;
        for (Path file : files) {
            List<PaymentScreening.Result> results = new ArrayList<>();
            if (!Files.isRegularFile(file)) throw new UserException(file + (Files.isDirectory(file) ? ": is a folder" : ": no such file"));
            try {
                for (Payment p : PaymentReader.read(file)) results.add(screening.screen(p));
            } catch (PaymentFormatException e) {
                allClear = false;
                if (json) report.add(Map.of("file", file.toString(), "verdict", Verdict.COULD_NOT_SCREEN.label(), "problem", e.getMessage()));
                else terminal().printf(out, 4, "%s  %s%n", text.verdict(Verdict.COULD_NOT_SCREEN, 0), e.getMessage());
                continue;
            }
            for (PaymentScreening.Result r : results) {
                allClear &= r.verdict() == Verdict.CLEAR;
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", file.toString());
                    m.put("message", r.payment().message());
                    m.put("format", r.payment().format());
                    m.put("reference", r.payment().reference());
                    m.put("verdict", r.verdict().label());
                    if (r.action() != null) m.put("action", r.action());
                    if (r.problem() != null) m.put("problem", r.problem());
                    m.put("parties", r.payment().parties());
                    m.put("alerts", r.alerts());
                    report.add(m);
                } else {
                    terminal().printf(out, 4, "%s %s  %s %s%s%s%n", text.verdict(r.verdict(), 16), file.getFileName(), r.payment().format(),
                            r.payment().message(), r.action() == null ? "" : "  action: " + r.action(),
                            r.problem() != null ? "  (" + r.problem() + ")" : "");
                    for (PaymentScreening.Alert a : r.alerts()) {
                        terminal().printf(out, 8, "    %s \"%s\"%n", a.field(), a.screened());
                        terminal().printf(out, 9, "      -> %s  %s  %.3f%s%n", a.match().id(), a.match().name(), a.match().score(),
                                MatchText.obligations(a.match()));
                        text.explain(a.match(), "    ");
                    }
                }
            }
        }
        if (json) Output.json(out, report);
        return ExitCodes.of(allClear);
    }
}
