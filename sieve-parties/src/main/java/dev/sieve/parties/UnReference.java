package dev.sieve.parties;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UN Security Council reference numbers as other lists cite them ("UN Ref QDi.333", "UN id: KPe.018",
 * and the pre-2014 "QI.A.86.03", which the UN renumbered to QDi.086 keeping the number).
 */
public final class UnReference {
    private static final Pattern CITED = Pattern.compile(
            "\\bUN\\s*(?:Ref(?:erence)?(?:\\s*(?:No\\.?|number))?|id)\\s*[:.]?\\s*([A-Za-z][A-Za-z0-9.]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CURRENT = Pattern.compile("\\.?(?:No\\.)?([A-Za-z]{2})([IiEe])\\.(\\d{1,3})(?!\\d)");
    private static final Pattern OLD = Pattern.compile("([QqTt])\\.?([IiEe])\\.[A-Za-z]\\.(\\d{1,3})\\.\\d{2}");

    private UnReference() {
    }

    /** The reference in the UN's current form (QDi.086), or empty when the text is none we can read. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) return Optional.empty();
        String s = raw.strip();
        Matcher old = OLD.matcher(s);
        if (old.lookingAt()) {
            String regime = old.group(1).equalsIgnoreCase("Q") ? "QD" : "TA";
            return Optional.of(regime + old.group(2).toLowerCase(Locale.ROOT) + "." + pad(old.group(3)));
        }
        Matcher m = CURRENT.matcher(s);
        if (m.lookingAt()) {
            return Optional.of(m.group(1).toUpperCase(Locale.ROOT) + m.group(2).toLowerCase(Locale.ROOT) + "."
                    + pad(m.group(3)));
        }
        return Optional.empty();
    }

    /** Every UN reference a free text cites. */
    public static List<String> citedIn(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        Matcher m = CITED.matcher(text);
        while (m.find()) normalise(m.group(1)).filter(r -> !out.contains(r)).ifPresent(out::add);
        return out;
    }

    private static String pad(String digits) {
        return "0".repeat(Math.max(0, 3 - digits.length())) + digits;
    }
}
