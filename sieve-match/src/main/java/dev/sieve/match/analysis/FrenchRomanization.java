package dev.sieve.match.analysis;

import java.util.regex.Pattern;

/**
 * Stage (queries only): a name romanised from Cyrillic the French way, read again the English way. French writes у as
 * ou, ш as ch, ч as tch, ж as j, ге as gue and -ин as -ine: Vladimir Poutine, Sergueï Choïgou, Igor Setchine, Evgueni
 * Prigojine and Alexandre Loukachenko are PUTIN, SHOIGU, SECHIN, PRIGOZHIN and LUKASHENKO as the lists write them.
 * A name showing such a spelling (a part ending in -itch, -tchenko, -tchev, -tchov, -tchine, -tchouk, -chenko, -ienko
 * or -guei, or in -ine with ou before it; not the tch of Mitchell and Fletcher, nor the -ine of Christine and
 * Jacqueline) gets a second form with tch read as ch, ch as sh, ou as u, j as zh, gue and gui as ge and gi, a final
 * -ine as -in and a leading ia, io, iu as ya, yo, yu.
 */
public final class FrenchRomanization {
    private static final Pattern MARKED = Pattern.compile("(itch|tchenko|tchev|tchov|tchine|tchouk|chenko|ienko|guei)$|ou.*ine$");

    private FrenchRomanization() {
    }

    /** The form read the English way, or null when no part shows a French spelling (or reading changes nothing). */
    public static NameForm readInEnglish(NameForm form) {
        return EnglishReading.of(form, MARKED, FrenchRomanization::inEnglish);
    }

    /** One part read the English way (see the class). */
    static String inEnglish(String part) {
        String s = part.replace("tch", "\u0001").replace("ch", "sh").replace("\u0001", "ch");
        s = s.replace("ou", "u").replace("gue", "ge").replace("gui", "gi").replace("j", "zh");
        if (s.endsWith("ine")) s = s.substring(0, s.length() - 1);
        if (s.startsWith("ia") || s.startsWith("io") || s.startsWith("iu")) s = "y" + s.substring(1);
        return s;
    }
}
