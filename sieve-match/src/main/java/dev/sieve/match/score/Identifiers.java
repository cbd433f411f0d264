package dev.sieve.match.score;

import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers as screening compares them: spaces, dashes and dots removed, upper case; an 8-letter BIC
 * equals its XXX branch form; an IMO number must carry a valid check digit. Passport, national id,
 * tax and registration numbers compare with each other (lists and customers mix up their labels).
 */
public final class Identifiers {
    private static final Pattern IMO_IN_TEXT = Pattern.compile("\\bIMO\\s*(?:NO\\.?|NUMBER)?\\s*:?\\s*(\\d{7})\\b",
            Pattern.CASE_INSENSITIVE);

    private Identifiers() {
    }

    /** The lookup key of an identifier, or null when it cannot match anything (an IMO with a bad check digit). */
    public static String key(IdentifierType type, String number) {
        String n = number.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (n.isEmpty()) return null;
        return switch (type) {
            case IMO -> {
                if (n.startsWith("IMO")) n = n.substring(3);
                yield validImo(n) ? "IMO:" + n : null;
            }
            case MMSI -> n.length() == 9 ? "MMSI:" + n : null;
            case BIC -> n.length() == 11 && n.endsWith("XXX") ? "BIC:" + n.substring(0, 8)
                    : n.length() == 8 || n.length() == 11 ? "BIC:" + n : null;
            case CALL_SIGN -> "CALL:" + n;
            case AIRCRAFT -> "AIR:" + n;
            case EMAIL, WEBSITE, CRYPTO_WALLET -> type.name() + ":" + n;
            default -> n.length() >= 5 ? "DOC:" + n : null; // short numbers collide by chance
        };
    }

    public static String key(Identifier id) {
        return key(id.type(), id.number());
    }

    /** IMO ship numbers: digits 1-6 weighted 7..2, the last digit of the sum is digit 7. */
    public static boolean validImo(String digits) {
        if (digits.length() != 7 || !digits.chars().allMatch(Character::isDigit)) return false;
        int sum = 0;
        for (int i = 0; i < 6; i++) sum += (digits.charAt(i) - '0') * (7 - i);
        return sum % 10 == digits.charAt(6) - '0';
    }

    /** IMO numbers written into a name or free text ("IMO 9339301"). */
    public static List<Identifier> imoInText(String text) {
        List<Identifier> out = new ArrayList<>();
        Matcher m = IMO_IN_TEXT.matcher(text);
        while (m.find()) out.add(new Identifier(IdentifierType.IMO, "IMO", m.group(1), null));
        return out;
    }
}
