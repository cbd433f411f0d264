package dev.sieve.match.analysis;

import java.util.regex.Pattern;

/**
 * Stage: a name romanised from Cyrillic the German (or Polish) way, read again the English way. German writes в as w,
 * ч as tsch and ш as sch: Lawrow, Medwedew, Setschin and Lukaschenko are LAVROV, MEDVEDEV, SECHIN and LUKASHENKO as
 * the lists write them. A name showing such a spelling (a part with tsch; one ending in -ow, -owa, -ewa, -jew, -dew,
 * or a Slavic -schenko, -schin, -schkin, -schow; or starting with w before a consonant, as in Wladimir) gets a second
 * form with w read as v, tsch as ch and sch as sh. Other names keep theirs alone: Andrew and Matthew end in -ew, not
 * -jew or -dew; Franceschi's sch is Italian (sk), Schroeff's and Schneider's German names of their own.
 */
public final class GermanRomanization {
    private static final Pattern MARKED = Pattern.compile("tsch|(ow|owa|ewa|jew|dew|schenko|schin|schina|schkin|schow)$|^w[^aeiouyhw]");

    private GermanRomanization() {
    }

    /** The form read the English way, or null when no part shows a German spelling (or reading changes nothing). */
    public static NameForm readInEnglish(NameForm form) {
        return EnglishReading.of(form, MARKED, GermanRomanization::inEnglish);
    }

    /** One part read the English way: tsch as ch, sch as sh, w as v. */
    static String inEnglish(String part) {
        return part.replace("tsch", "ch").replace("sch", "sh").replace('w', 'v');
    }
}
