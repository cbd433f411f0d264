package dev.sieve.cli;

import dev.sieve.channels.Verdict;
import dev.sieve.model.Explanation;
import dev.sieve.model.Match;
import dev.sieve.model.Topics;
import java.io.PrintWriter;
import java.util.Locale;

/** A match and a verdict as a person reads them on a terminal: what needs a look stands out, and every alert says why. */
final class MatchText {
    private final PrintWriter out;
    private final Terminal terminal;

    MatchText(PrintWriter out, Terminal terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** The verdict padded to {@code width} columns: what needs a look in capitals and colour. */
    String verdict(Verdict v, int width) {
        return switch (v) {
            case CLEAR -> terminal.paint(Terminal.pad("clear", width, false), Terminal.Tone.CLEAR);
            case HIT -> terminal.paint(Terminal.pad("HIT", width, false), Terminal.Tone.ALERT);
            case COULD_NOT_SCREEN -> terminal.paint(Terminal.pad("COULD NOT SCREEN", width, false), Terminal.Tone.WARN);
        };
    }

    /** One alert: score, listed entity, then why. */
    void match(Match m, String indent) {
        terminal.printf(out, indent.length() + 7, "%s%s  %s  %s  (%s, %s, %s)%n", indent,
                terminal.paint(String.format("%.3f", m.score()), Terminal.Tone.ALERT), m.id(), Terminal.shown(m.name()), m.schema(), m.source(),
                String.join(", ", m.topics().stream().map(Topics::label).toList()));
        if (m.action() != null) terminal.printf(out, indent.length() + 4, "%s  %s%n", indent, obligations(m).strip());
        explain(m, indent);
    }

    /** What a match's listing obliges, for a line of text: "  un-1718: asset_freeze, travel_ban -> hold", or nothing. */
    static String obligations(Match m) {
        if (m.action() == null) return "";
        String regimes = m.regimes().isEmpty() ? "no regime known" : String.join(", ", m.regimes());
        String measures = m.measures().isEmpty() ? "" : ": " + String.join(", ", m.measures());
        return "  " + regimes + measures + " -> " + m.action();
    }

    /** Why a match scored what it did: the name parts, and every other effect on the score. */
    void explain(Match m, String indent) {
        Explanation e = m.explanation();
        String deeper = indent + "         ";
        terminal.printf(out, deeper.length(), "%s       matched \"%s\": name score %.3f%n", indent, Terminal.shown(e.listedName()), e.nameScore());
        for (Explanation.PartMatch p : e.parts()) {
            terminal.printf(out, deeper.length() + 2, "%s%-18s ~ %-18s %s %.2f%n", deeper, p.queryPart(), p.listedPart(),
                    p.how().name().toLowerCase(Locale.ROOT), p.similarity());
        }
        if (!e.unmatchedQueryParts().isEmpty()) terminal.println(out, deeper.length() + 2, deeper + "query parts not in the listed name: " + e.unmatchedQueryParts());
        if (!e.unmatchedListedParts().isEmpty()) terminal.println(out, deeper.length() + 2, deeper + "listed parts not in the query: " + e.unmatchedListedParts());
        for (Explanation.Evidence ev : e.evidence()) {
            terminal.printf(out, deeper.length() + 2, "%s%s: %s (%+.2f)%n", deeper, ev.kind(), Terminal.shown(ev.detail()), ev.effect());
        }
    }
}
