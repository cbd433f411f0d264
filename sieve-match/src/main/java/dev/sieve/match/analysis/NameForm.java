package dev.sieve.match.analysis;

import java.util.List;

/**
 * One way of writing an analysed name: its parts in order, and the script they came from. A Latin name
 * has one form; a name in another script has its native form (for same-script matching) and its
 * transliterated Latin form.
 */
public record NameForm(List<Token> tokens, Script origin, boolean native_) {
    /** {@code tokens} is taken as it is (not copied: forms are built per scored candidate); never modify it. */
    public NameForm {
        java.util.Objects.requireNonNull(tokens, "tokens");
    }

    /** Latin form transliterated from an abjad (Arabic, Hebrew): vowels are guesses. */
    public boolean fromAbjad() {
        return !native_ && origin.isAbjad();
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(t.text());
        }
        return sb.toString();
    }
}
