package dev.sieve.exemptions;

import dev.sieve.model.Match;
import dev.sieve.regimes.Action;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which hits an agency's exemptions cover. A covered hit is still an alert, shown with its exemption; its action
 * becomes {@code covered}.
 *
 * <p>A screening or a traveller is covered by an exemption valid that day that covers the entity and asks nothing
 * of the dealing (no counterparties, purpose or amount). A payment may rely on any exemption valid on its value date
 * that covers the entity, names one of its parties among the counterparties (when it names any), and allows its amount
 * (when limited); an exemption with a purpose only when the payment cites its reference, since only the citation says
 * what the payment is for. Every licence a payment cites is reported: covering, not recorded, not valid on the value
 * date, or covering none of its hits.
 */
public final class Coverage {
    private Coverage() {
    }

    /** A match with the exemption that covers it: action {@code covered}, the exemption named (its id first). */
    public static Match covered(Match m, Exemption e) {
        return m.withAction(Action.COVERED.label()).withExemption(e.id() + ": " + e.describe());
    }

    /** The id of the exemption covering a match ({@link #covered}), or null when none does. */
    public static String exemptionId(Match m) {
        if (!Action.COVERED.label().equals(m.action()) || m.exemption() == null) return null;
        return m.exemption().split(":", 2)[0];
    }

    /** The exemption that covers a hit of a plain screening or a traveller on {@code day}, if any. */
    public static Optional<Exemption> ofScreening(Collection<Exemption> exemptions, Match m, LocalDate day) {
        for (Exemption e : exemptions) {
            if (e.usableFor(day) && e.covers(m.id(), m.regimes()) && e.counterparties().isEmpty() && e.purpose() == null
                    && e.amountLimit() == null) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Matches of a plain screening (or a traveller) on {@code day}, each covered where an exemption covers it. */
    public static List<Match> ofScreening(Collection<Exemption> exemptions, List<Match> matches, LocalDate day) {
        if (exemptions.isEmpty() || matches.isEmpty()) return matches;
        return matches.stream().map(m -> ofScreening(exemptions, m, day).map(e -> covered(m, e)).orElse(m)).toList();
    }

    /** A licence a payment cites, and what became of the citation. */
    public record Citation(String reference, String status, String detail) {
    }

    /** A payment's hits, each with the exemption covering it (or none), and the licences it cites. */
    public record PaymentCover(List<Optional<Exemption>> covering, List<Citation> citations) {
    }

    /** Words that introduce a licence's reference in a payment's free text. */
    private static final Pattern CITED = Pattern.compile(
            "(?iu)\\b(?:licen[cs]e|exemption|derogation|authori[sz]ation|GL)\\s*(?:no\\.?|number|nr\\.?|ref\\.?|reference)?\\s*[:#]?\\s*"
                    + "([\\p{L}\\p{N}][\\p{L}\\p{N}./-]*[\\p{L}\\p{N}])");

    /**
     * @param day       the payment's value date (the day screened when it has none)
     * @param parties   the names of the payment's parties
     * @param texts     its free-text fields (remittance information, purpose, instructions)
     */
    public static PaymentCover ofPayment(Collection<Exemption> exemptions, List<Match> hits, LocalDate day, List<String> parties,
                                         List<String> texts, String currency, BigDecimal amount) {
        String text = normal(String.join(" ", texts));
        List<String> names = parties.stream().filter(p -> p != null).map(Coverage::normal).toList();
        Map<String, Exemption> cited = new LinkedHashMap<>();
        for (Exemption e : exemptions) if (containsWord(text, normal(e.reference()))) cited.put(e.reference(), e);
        List<Optional<Exemption>> covering = new ArrayList<>();
        for (Match m : hits) {
            Exemption found = null;
            for (Exemption e : exemptions) {
                if (!e.usableFor(day) || !e.covers(m.id(), m.regimes())) continue;
                if (e.purpose() != null && !cited.containsKey(e.reference())) continue;
                if (!e.counterparties().isEmpty() && e.counterparties().stream().map(Coverage::normal).noneMatch(names::contains)) continue;
                if (e.amountLimit() != null && (amount == null || !e.currency().equals(currency) || amount.compareTo(e.amountLimit()) > 0)) {
                    continue;
                }
                found = e;
                break;
            }
            covering.add(Optional.ofNullable(found));
        }
        List<Citation> citations = new ArrayList<>();
        for (Exemption e : cited.values()) {
            boolean usedForAHit = covering.stream().anyMatch(c -> c.isPresent() && c.get() == e);
            if (usedForAHit) citations.add(new Citation(e.reference(), "covers", e.describe()));
            else if (!e.usableFor(day)) citations.add(new Citation(e.reference(), "not_valid", e.describe() + "; the value date is " + day));
            else citations.add(new Citation(e.reference(), "does_not_cover", e.describe() + "; it covers none of this payment's"
                    + " hits (entities, counterparties or amount)"));
        }
        // a reference cited after "licence", "exemption"... that the agency has not recorded (nor been shared)
        Matcher m = CITED.matcher(String.join(" ", texts));
        while (m.find()) {
            String ref = m.group(1);
            boolean known = cited.keySet().stream().anyMatch(r -> normal(r).contains(normal(ref)) || normal(ref).contains(normal(r)));
            if (!known && ref.chars().anyMatch(Character::isDigit)) {
                citations.add(new Citation(ref, "not_found", "no exemption or licence with this reference is recorded by the agency"
                        + " or shared with it"));
            }
        }
        return new PaymentCover(covering, citations);
    }

    /** Lower case, accents and punctuation gone, spaces single: how references and names are compared. */
    static String normal(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        // "J.V." is "JV", "O'Brien" is "OBrien": points and apostrophes join; other punctuation separates
        return folded.toLowerCase(Locale.ROOT).replaceAll("[.'’]", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static boolean containsWord(String text, String phrase) {
        if (phrase.isEmpty()) return false;
        return (" " + text + " ").contains(" " + phrase + " ");
    }
}
