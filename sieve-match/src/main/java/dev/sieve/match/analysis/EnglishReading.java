package dev.sieve.match.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What {@link GermanRomanization} and {@link FrenchRomanization} share: a form whose words show a romanisation's marks
 * is read again, word by word, the English way.
 */
final class EnglishReading {
    private EnglishReading() {
    }

    /**
     * The form with every word read by {@code reading}, or null when no word is {@code marked} (or reading changes
     * nothing).
     */
    static NameForm of(NameForm form, Pattern marked, UnaryOperator<String> reading) {
        if (form == null) return null;
        boolean any = false;
        for (Token t : form.tokens()) {
            if (t.kind() == Token.Kind.WORD && marked.matcher(t.text()).find()) {
                any = true;
                break;
            }
        }
        if (!any) return null;
        List<Token> read = new ArrayList<>(form.tokens().size());
        boolean changed = false;
        for (Token t : form.tokens()) {
            String english = t.kind() == Token.Kind.WORD ? reading.apply(t.text()) : t.text();
            boolean same = english.equals(t.text());
            changed |= !same;
            read.add(same ? t : Token.of(english));
        }
        return changed ? new NameForm(List.copyOf(read), form.origin(), false) : null;
    }
}
