package dev.sieve.channels.payment;

import dev.sieve.regimes.Action;
import dev.sieve.channels.Verdict;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.Match;
import dev.sieve.model.Schema;
import dev.sieve.model.ScreeningQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Screens payments: every party and agent name, every BIC against the listed identifiers (a branch
 * BIC also as its institution's BIC8), and the free text for listed names written inside it
 * ("PAYMENT FOR USAMA BIN LADIN"), by screening each run of two to four words at a stricter threshold.
 * Knows nothing of where the screening runs: it is given a function from query to alerts.
 */
public final class PaymentScreening {
    /** Free text holds many word runs; only a close match of a whole listed name alerts there. */
    public static final double TEXT_THRESHOLD = 0.9;
    /**
     * The free text screened per message, in words, and the word runs screened in it: a payment's remittance
     * text is a line or two, and the bound keeps one crafted message (thousands of name-like words) from
     * holding a core for seconds. A message with more text is screened as far as the bound and then held for
     * review ("could not screen" unless something hit), never passed as clear.
     */
    static final int MAX_TEXT_WORDS = 400;
    static final int MAX_TEXT_RUNS = 600;

    /** One alert: where in the payment, what was screened, and the listed entity it may be. */
    public record Alert(String field, String screened, Match match) {
    }

    /**
     * @param action what the payment's hits oblige, the strongest of its alerts' ({@code hold} before
     *               {@code restricted} before {@code review}); null when nothing hit
     */
    public record Result(Payment payment, Verdict verdict, List<Alert> alerts, String problem, String action) {
    }

    private static final java.util.Set<String> AGENT_ROLES = java.util.Set.of("DbtrAgt", "CdtrAgt", "IntrmyAgt1",
            "IntrmyAgt2", "IntrmyAgt3", "InstgAgt", "InstdAgt", "PrvsInstgAgt1", "52A", "56A", "57A");

    private final Function<ScreeningQuery, List<Match>> screener;
    private final Predicate<String> mayBeNamePart;

    /** Screens every run of free text. */
    public PaymentScreening(Function<ScreeningQuery, List<Match>> screener) {
        this(screener, word -> true);
    }

    /**
     * Screens only the runs of free text whose every word may be part of a listed name (the index knows
     * it or its consonant skeleton): most text is invoice numbers and words no list holds.
     */
    public PaymentScreening(Function<ScreeningQuery, List<Match>> screener, Predicate<String> mayBeNamePart) {
        this.screener = screener;
        this.mayBeNamePart = mayBeNamePart;
    }

    public Result screen(Payment p) {
        if (p.parties().isEmpty() && p.problem() != null) return new Result(p, Verdict.COULD_NOT_SCREEN, List.of(), p.problem(), null);
        List<Alert> alerts = new ArrayList<>();
        for (Payment.Party party : p.parties()) {
            if (party.name() != null) {
                // agents are banks; the parties may be people or companies
                Schema schema = AGENT_ROLES.contains(party.role()) ? Schema.ORGANIZATION : null;
                for (Match m : screener.apply(new ScreeningQuery(party.name(), schema, null, null, List.of(), null, 5))) {
                    alerts.add(new Alert(party.role(), party.name(), m));
                }
            }
            if (party.bic() != null) {
                String bic = party.bic().strip().toUpperCase(Locale.ROOT);
                List<Identifier> ids = new ArrayList<>();
                ids.add(new Identifier(IdentifierType.BIC, null, bic, null));
                if (bic.length() == 11) ids.add(new Identifier(IdentifierType.BIC, null, bic.substring(0, 8), null));
                for (Match m : screener.apply(new ScreeningQuery("", null, null, null, ids, null, 5))) {
                    alerts.add(new Alert(party.role() + " BIC", bic, m));
                }
            }
        }
        TextBudget budget = new TextBudget();
        for (Payment.Text t : p.texts()) alerts.addAll(scanText(t, budget));
        List<Alert> unique = dedupe(alerts);
        String problem = p.problem();
        if (budget.cut()) {
            String cut = "free text of " + budget.words + " words: the first " + budget.screenedWords + " words ("
                    + budget.runs + " word runs) were screened for listed names; the rest needs a person's review";
            problem = problem == null ? cut : problem + "; " + cut;
        }
        Verdict verdict = !unique.isEmpty() ? Verdict.HIT : problem != null ? Verdict.COULD_NOT_SCREEN : Verdict.CLEAR;
        // the screening's action was a plain screening's: a payment's is its own
        List<Alert> acted = unique.stream().map(a -> new Alert(a.field(), a.screened(), Action.on(Action.Channel.PAYMENT, a.match())))
                .toList();
        return new Result(p, verdict, acted, problem, Action.strongest(acted.stream().map(Alert::match).toList()));
    }

    /** How much of a message's free text has been screened so far. */
    private static final class TextBudget {
        int words;
        int screenedWords;
        int runs;
        boolean runsExhausted;

        boolean cut() {
            return runsExhausted || screenedWords < words;
        }
    }

    /** Listed names inside free text: every run of 2 to 4 words, screened at {@link #TEXT_THRESHOLD}, within the message's budget. */
    private List<Alert> scanText(Payment.Text t, TextBudget budget) {
        String cleaned = t.text().replaceAll("[^\\p{L}\\p{N}'-]+", " ").strip();
        String[] words = cleaned.isEmpty() ? new String[0] : cleaned.split(" ");
        List<Alert> out = new ArrayList<>();
        budget.words += words.length;
        int n = Math.max(0, Math.min(words.length, MAX_TEXT_WORDS - budget.screenedWords));
        budget.screenedWords += n;
        boolean[] possible = new boolean[n];
        for (int i = 0; i < n; i++) possible[i] = !words[i].isEmpty() && mayBeNamePart.test(words[i]);
        for (int start = 0; start < n; start++) {
            for (int len = 2; len <= 4 && start + len <= n; len++) {
                if (!possible[start + len - 1]) break; // every longer run holds this word too
                if (!possible[start]) break;
                String run = String.join(" ", java.util.Arrays.copyOfRange(words, start, start + len));
                if (run.replace(" ", "").length() < 6) continue;
                if (budget.runs >= MAX_TEXT_RUNS) {
                    budget.runsExhausted = true;
                    return out;
                }
                budget.runs++;
                for (Match m : screener.apply(new ScreeningQuery(run, null, null, null, List.of(), TEXT_THRESHOLD, 3))) {
                    // inside text only a whole listed name, nothing missing and nothing extra, alerts
                    if (m.explanation().unmatchedListedParts().isEmpty() && m.explanation().unmatchedQueryParts().isEmpty()) {
                        out.add(new Alert(t.field(), run, m));
                    }
                }
            }
        }
        return out;
    }

    /** One alert per field and entity: the best. */
    private static List<Alert> dedupe(List<Alert> alerts) {
        Map<String, Alert> best = new LinkedHashMap<>();
        for (Alert a : alerts) {
            String key = a.field() + "\u0000" + a.match().id();
            Alert prev = best.get(key);
            if (prev == null || a.match().score() > prev.match().score()) best.put(key, a);
        }
        return new ArrayList<>(best.values());
    }
}
