package dev.sieve.cli;

import dev.sieve.channels.Verdict;
import dev.sieve.channels.travel.Manifest;
import dev.sieve.channels.travel.ManifestFormatException;
import dev.sieve.channels.travel.ManifestScreening;
import dev.sieve.channels.travel.ManifestReader;
import dev.sieve.model.Match;
import dev.sieve.screening.ScreeningService;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

/** {@code sieve screen-manifest FILE...}: PAXLST passenger manifests, a verdict per traveller. */
@Command(name = "screen-manifest", mixinStandardHelpOptions = true,
        description = "Screen airline passenger manifests (UN/EDIFACT PAXLST): the flight, and per traveller (name, date"
                + " of birth, nationality, document numbers) a verdict: clear, hit or could not screen."
                + "")
final class ScreenManifestCommand extends CliCommand implements Callable<Integer> {
    @ParentCommand
    SieveCommand root;

    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<Path> files;

    @Option(names = "--lists", paramLabel = "PATH", description = "Screen against these list files instead of the databank.")
    List<Path> lists;

    @Override
    public Integer call() throws Exception {
        ScreeningService service = Engines.load(root, lists);
        ManifestScreening screening = new ManifestScreening(q -> service.screen(q).matches());
        PrintWriter out = out();
        MatchText text = new MatchText(out, terminal());
        List<Object> report = new ArrayList<>();
        boolean allClear = true;
        for (Path file : files) {
            Manifest m;
            try {
                if (!Files.isRegularFile(file)) throw new UserException(file + (Files.isDirectory(file) ? ": is a folder" : ": no such file"));
                m = ManifestReader.read(file.getFileName().toString(),
                        dev.sieve.channels.text.TextDecoding.message(Files.readAllBytes(file), file.getFileName().toString()));
            } catch (ManifestFormatException | IllegalArgumentException e) {
                allClear = false;
                if (json) report.add(Map.of("file", file.toString(), "verdict", Verdict.COULD_NOT_SCREEN.label(), "problem", e.getMessage()));
                else terminal().printf(out, 4, "%s  %s%n", text.verdict(Verdict.COULD_NOT_SCREEN, 0), e.getMessage());
                continue;
            }
            List<ManifestScreening.Result> results = screening.screen(m);
            List<Object> travellers = new ArrayList<>();
            if (!json) {
                if (m.legs().isEmpty()) {
                    out.printf("%s  %d machine-readable zone%s%n", file.getFileName(), m.travellers().size(), m.travellers().size() == 1 ? "" : "s");
                }
                for (Manifest.Leg l : m.legs()) {
                    out.printf("%s  flight %s  %s %s -> %s %s%n", file.getFileName(), l.flight(), l.from(), l.departure(), l.to(), l.arrival());
                }
            }
            for (ManifestScreening.Result r : results) {
                allClear &= r.verdict() == Verdict.CLEAR;
                Manifest.Traveller t = r.traveller();
                if (json) {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("traveller", t);
                    x.put("verdict", r.verdict().label());
                    if (r.action() != null) x.put("action", r.action());
                    if (r.problem() != null) x.put("problem", r.problem());
                    x.put("alerts", r.alerts());
                    travellers.add(x);
                } else {
                    // a traveller of an MRZ file is found by the line its zone starts on
                    String where = m.legs().isEmpty() ? "line " + t.segment() : t.role();
                    terminal().printf(out, 6, "  %s %s %s  %s%s%s%n", text.verdict(r.verdict(), 16),
                            where, t.fullName(), t.birthDate() == null ? "" : t.birthDate(), r.action() == null ? "" : "  action: " + r.action(),
                            r.problem() == null ? "" : "  (" + r.problem() + ")");
                    for (Match a : r.alerts()) {
                        terminal().printf(out, 9, "      -> %s  %s  %.3f%s%n", a.id(), a.name(), a.score(), MatchText.obligations(a));
                        text.explain(a, "      ");
                    }
                }
            }
            if (json) report.add(Map.of("file", file.toString(), "manifest", m.reference(), "legs", m.legs(), "travellers", travellers));
        }
        if (json) Output.json(out, report);
        return ExitCodes.of(allClear);
    }
}
