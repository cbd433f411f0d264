package dev.sieve.lists;

import dev.sieve.model.Countries;
import dev.sieve.model.EntityBuilder;
import dev.sieve.model.Gender;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.Name;
import dev.sieve.model.NameKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OFAC hides structured facts in the free-text remarks of its legacy CSV ("DOB 17 Apr 1993; POB Moscow,
 * Russia; nationality Russia; Passport 2018278055 (Russia); a.k.a. 'LOCKBITSUPP'; Vessel Registration
 * Identification IMO 9339301"). This lifts them into the model; the remarks text itself is kept whole.
 * An item it cannot read stays in the remarks only: remarks are free text, not a reason to reject.
 */
final class OfacRemarks {
    private static final Pattern QUOTED_ALIAS = Pattern.compile("^(a\\.k\\.a\\.|f\\.k\\.a\\.|n\\.k\\.a\\.)\\s*'(.+)'\\.?$");
    private static final Pattern NUMBER_AND_COUNTRY = Pattern.compile("^(.+?)\\s*(?:\\(([^()]*)\\))?\\s*\\.?$");

    private OfacRemarks() {
    }

    static void apply(String remarks, EntityBuilder b) {
        if (Text.isBlank(remarks)) return;
        String all = remarks.strip();
        if (all.endsWith(".")) all = all.substring(0, all.length() - 1);
        for (String raw : Text.splitTopLevel(all, ';')) {
            String item = raw.strip();
            if (item.startsWith("alt. ")) item = item.substring(5).strip();
            if (item.isEmpty()) continue;
            applyItem(item, b);
        }
    }

    private static void applyItem(String item, EntityBuilder b) {
        Matcher alias = QUOTED_ALIAS.matcher(item);
        if (alias.matches()) {
            NameKind kind = alias.group(1).startsWith("f") ? NameKind.FORMER : NameKind.ALIAS;
            // Quoted aliases in remarks are OFAC's weak aliases.
            b.name(new Name(alias.group(2), kind, true, false));
            return;
        }
        if (item.startsWith("DOB ")) {
            try {
                b.birthDate(Dates.ofacBirthDate(item.substring(4)));
            } catch (IllegalArgumentException ignored) {
                // stays in remarks
            }
            return;
        }
        if (item.startsWith("POB ")) {
            b.birthPlace(item.substring(4));
            return;
        }
        if (item.startsWith("nationality ")) {
            Countries.toIso2(item.substring(12)).ifPresent(b::nationality);
            return;
        }
        if (item.startsWith("citizen ")) {
            Countries.toIso2(item.substring(8)).ifPresent(b::citizenship);
            return;
        }
        if (item.startsWith("Gender ")) {
            b.gender(Gender.parse(item.substring(7)));
            return;
        }
        String label = IdentifierLabels.prefixLabel(item);
        if (label != null) {
            IdentifierType type = IdentifierLabels.typeOf(label);
            String rest = item.substring(label.length()).strip();
            if (type == IdentifierType.CRYPTO_WALLET && rest.startsWith("- ")) {
                rest = rest.substring(2).strip(); // "Digital Currency Address - XBT 1Ef..."
            }
            identifier(type, label, rest, b);
        }
    }

    /** Adds "NUMBER (Country)" as an identifier; the country in brackets becomes ISO2 when it is one. */
    static void identifier(IdentifierType type, String label, String numberAndCountry, EntityBuilder b) {
        Matcher m = NUMBER_AND_COUNTRY.matcher(numberAndCountry);
        if (!m.matches()) return;
        String number = m.group(1).strip();
        String country = m.group(2) == null ? null : Countries.toIso2(m.group(2)).orElse(null);
        if (type == IdentifierType.IMO && number.regionMatches(true, 0, "IMO ", 0, 4)) {
            number = number.substring(4).strip();
        }
        if (!number.isEmpty()) {
            b.identifier(new Identifier(type, label, number, country));
        }
    }
}
