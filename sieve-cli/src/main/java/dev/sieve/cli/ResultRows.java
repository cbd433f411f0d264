package dev.sieve.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.sieve.channels.Verdict;
import dev.sieve.channels.customer.CustomerRecord;
import dev.sieve.model.Match;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** One result row of a screened customer file, as a JSON line or a CSV row. */
final class ResultRows {
    static final String CSV_HEADER = "case_id,row,name,verdict,alerts,best_id,best_name,best_score,best_topics,listed_ids,problem";

    private ResultRows() {
    }

    static String verdict(CustomerRecord r, List<Match> alerts) {
        if (r.problem() != null) return Verdict.COULD_NOT_SCREEN.label();
        return alerts.isEmpty() ? "clear" : "hit";
    }

    static String json(ObjectWriter writer, CustomerRecord r, List<Match> alerts) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("case_id", r.id());
        line.put("row", r.row());
        if (r.query() != null) line.put("name", r.query().name());
        line.put("verdict", verdict(r, alerts));
        if (r.problem() != null) line.put("problem", r.problem());
        if (!r.warnings().isEmpty()) line.put("warnings", r.warnings());
        List<Map<String, Object>> ms = new ArrayList<>();
        for (Match m : alerts) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", m.id());
            o.put("score", m.score());
            o.put("name", m.name());
            o.put("source", m.source());
            o.put("topics", m.topics());
            o.put("regimes", m.regimes());
            o.put("measures", m.measures());
            if (m.action() != null) o.put("action", m.action());
            o.put("explanation", m.explanation());
            ms.add(o);
        }
        line.put("matches", ms);
        return writer.writeValueAsString(line);
    }

    static String csv(CustomerRecord r, List<Match> alerts) {
        Match best = alerts.isEmpty() ? null : alerts.getFirst();
        String problem = r.problem() != null ? r.problem() : String.join("; ", r.warnings());
        return String.join(",", List.of(cell(r.id()), String.valueOf(r.row()), cell(r.query() == null ? "" : r.query().name()),
                verdict(r, alerts), String.valueOf(alerts.size()), cell(best == null ? "" : best.id()),
                cell(best == null ? "" : best.name()), best == null ? "" : String.format(Locale.ROOT, "%.3f", best.score()),
                cell(best == null ? "" : String.join(" ", best.topics())),
                cell(alerts.stream().map(Match::id).collect(Collectors.joining(" "))), cell(problem)));
    }

    /**
     * A CSV cell, quoted when needed; a cell a spreadsheet would run as a formula (=, +, -, @) is
     * prefixed with an apostrophe.
     */
    static String cell(String v) {
        if (v == null) return "";
        String s = v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || !s.equals(v)) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
