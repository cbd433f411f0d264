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
                else out.printf("%s  %s%n", verdict(Verdict.COULD_NOT_SCREEN), e.getMessage());
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
                    if (r.problem() != null) m.put("problem", r.problem());
                    m.put("parties", r.payment().parties());
                    m.put("alerts", r.alerts());
                    report.add(m);
                } else {
                    out.printf("%-16s %s  %s %s%s%n", verdict(r.verdict()), file.getFileName(), r.payment().format(),
                            r.payment().message(), r.problem() != null ? "  (" + r.problem() + ")" : "");
                    for (PaymentScreening.Alert a : r.alerts()) {
                        out.printf("    %-24s %-40s -> %s  %s  %.3f%n", a.field(), quote(a.screened()), a.match().id(),
                                a.match().name(), a.match().score());
                        ScreenCommand.explain(out, a.match(), "    ");
                    }
                }
            }
        }
        if (json) Output.json(out, report);
        return ExitCodes.of(allClear);
    }

    /** A verdict as a person reads it on a terminal: what needs a look is in capitals. */
    static String verdict(Verdict v) {
        return switch (v) {
            case CLEAR -> "clear";
            case HIT -> "HIT";
            case COULD_NOT_SCREEN -> "COULD NOT SCREEN";
        };
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 38 ? s.substring(0, 35) + "..." : s) + "\"";
    }
}
