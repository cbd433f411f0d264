package dev.sieve.match.analysis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Arabic script leaves short vowels out, so a letter-by-letter transliteration of a name ("mstfy" for
 * مصطفى) matches its Latin spellings (Mustafa, Mostafa, Moustapha) only by luck. Most Arabic personal names
 * are built from a few hundred common names, though, whose vowels everybody knows: those are spelled here
 * as they are usually written in Latin letters, with the article and "Abd" compounds taken apart, and
 * the spelling is then compared with the other name's parts as Latin (variants, typos, phonetics).
 * Everything else keeps the consonant-skeleton transliteration ({@link AbjadMatcher}).
 */
public final class ArabicNames {
    private static final Map<String, String> SPELLING = new HashMap<>();
    private static final Set<String> SPELLINGS = new HashSet<>();

    private ArabicNames() {
    }

    static {
        add("muhammad", "محمد");
        add("ahmad", "احمد");
        add("mahmud", "محمود");
        add("muhsin", "محسن");
        add("ali", "علي");
        add("umar", "عمر");
        add("uthman", "عثمان");
        add("hasan", "حسن");
        add("husayn", "حسين");
        add("hassan", "حسان");
        add("ibrahim", "ابراهيم", "ابراهيم");
        add("ismail", "اسماعيل");
        add("yusuf", "يوسف");
        add("yunus", "يونس");
        add("yahya", "يحيي");
        add("musa", "موسي");
        add("isa", "عيسي");
        add("mustafa", "مصطفي");
        add("abd", "عبد");
        add("allah", "الله");
        add("abdullah", "عبدالله");
        add("khalid", "خالد");
        add("khalil", "خليل");
        add("khalifa", "خليفه");
        add("said", "سعيد");
        add("saad", "سعد");
        add("saud", "سعود");
        add("nasir", "ناصر");
        add("nasr", "نصر");
        add("sulayman", "سليمان");
        add("salman", "سلمان");
        add("salih", "صالح");
        add("salah", "صلاح");
        add("salim", "سالم", "سليم");
        add("sami", "سامي");
        add("jamal", "جمال");
        add("kamal", "كمال");
        add("jalal", "جلال");
        add("bilal", "بلال");
        add("hisham", "هشام");
        add("hashim", "هاشم");
        add("hani", "هاني");
        add("hamid", "حامد", "حميد");
        add("hamad", "حمد");
        add("hamdi", "حمدي");
        add("hamza", "حمزه");
        add("mukhtar", "مختار");
        add("mansur", "منصور");
        add("mubarak", "مبارك");
        add("murad", "مراد");
        add("nur", "نور");
        add("din", "دين");
        add("faruq", "فاروق");
        add("tariq", "طارق");
        add("rashid", "رشيد", "راشد");
        add("ramadan", "رمضان");
        add("ramzi", "رمزي");
        add("rajab", "رجب");
        add("rabi", "ربيع");
        add("raid", "رائد");
        add("zayd", "زيد");
        add("zaydan", "زيدان");
        add("ziyad", "زياد");
        add("sharif", "شريف");
        add("tahir", "طاهر");
        add("tayyib", "طيب");
        add("adil", "عادل");
        add("asim", "عاصم");
        add("amir", "عامر", "امير");
        add("abbas", "عباس");
        add("aziz", "عزيز");
        add("isam", "عصام");
        add("imad", "عماد");
        add("ammar", "عمار");
        add("awad", "عوض");
        add("awwad", "عواد");
        add("fuad", "فواد");
        add("faysal", "فيصل");
        add("qasim", "قاسم");
        add("karim", "كريم");
        add("majid", "ماجد", "مجيد");
        add("malik", "مالك");
        add("marwan", "مروان");
        add("masud", "مسعود");
        add("munir", "منير");
        add("nabil", "نبيل");
        add("najib", "نجيب");
        add("nizar", "نزار");
        add("nasim", "نسيم");
        add("harun", "هارون");
        add("haytham", "هيثم");
        add("walid", "وليد");
        add("wail", "وائل");
        add("yasir", "ياسر");
        add("yasin", "ياسين");
        add("ayman", "ايمن");
        add("usama", "اسامه");
        add("anas", "انس");
        add("anwar", "انور");
        add("amin", "امين");
        add("abu", "ابو");
        add("bin", "بن");
        add("ibn", "ابن");
        add("bint", "بنت");
        add("ould", "ولد");
        add("umm", "ام");
        add("haji", "حاجي", "حاج");
        add("hajji", "حجي");
        add("iyad", "اياد");
        add("shaykh", "شيخ");
        add("rahman", "رحمن");
        add("rahim", "رحيم");
        add("halim", "حليم");
        add("qadir", "قادر");
        add("salam", "سلام");
        add("fattah", "فتاح");
        add("sami", "سميع");
        add("haqq", "حق");
        add("jafar", "جعفر");
        add("dawud", "داود");
        add("zayn", "زين");
        add("sayf", "سيف");
        add("saddam", "صدام");
        add("adnan", "عدنان");
        add("ghazi", "غازي");
        add("fadil", "فاضل");
        add("fadl", "فضل");
        add("fahd", "فهد");
        add("qays", "قيس");
        add("latif", "لطيف");
        add("mahdi", "مهدي");
        add("mazin", "مازن");
        add("naji", "ناجي");
        add("hadi", "هادي");
        add("akram", "اكرم");
        add("ashraf", "اشرف");
        add("ayyub", "ايوب");
        add("bashir", "بشير");
        add("turki", "تركي");
        add("tawfiq", "توفيق");
        add("jabir", "جابر");
        add("jasim", "جاسم");
        add("hazim", "حازم");
        add("hafiz", "حافظ");
        add("sultan", "سلطان");
        add("shakir", "شاكر");
        add("arif", "عارف");
        add("atif", "عاطف");
        add("ghalib", "غالب");
        add("fathi", "فتحي");
        add("nayif", "نايف");
        add("nail", "نايل");
        add("wahid", "وحيد");
        add("yaqub", "يعقوب");
        add("sayyid", "سيد");
        add("mahfuz", "محفوظ");
        add("idris", "ادريس");
        add("ilyas", "الياس");
        add("habib", "حبيب");
        add("jibril", "جبريل");
        add("zakariya", "زكريا");
        add("azhar", "ازهر");
        add("qadhafi", "قذافي");
        add("masri", "مصري");
    }

    private static void add(String spelling, String... arabic) {
        for (String a : arabic) SPELLING.put(key(a), spelling);
        // with the prefixes spell() writes on, so that a part is looked up once, without cutting it (a hot path)
        for (String prefix : new String[] {"", "al", "abdul", "abu"}) SPELLINGS.add(prefix + spelling);
    }

    /**
     * The lookup form of an Arabic word: hamza seats and madda as a bare alif, taa marbuta as haa, alif
     * maqsura and Persian yeh as yaa, Persian kaf as kaf.
     */
    static String key(String word) {
        StringBuilder sb = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            sb.append(switch (c) {
                case '\u0623', '\u0625', '\u0622', '\u0671' -> '\u0627';
                case '\u0629' -> '\u0647';
                case '\u0649', '\u06CC', '\u064A' -> '\u064A';
                case '\u0624' -> '\u0648';
                case '\u0626' -> '\u064A';
                case '\u06A9' -> '\u0643';
                case '\u06BE', '\u06C1' -> '\u0647';
                default -> c;
            });
        }
        return sb.toString();
    }

    /**
     * The word's usual Latin spelling, with "al" and "abdul" compounds written as one part as the
     * transliteration would ("alrahman", "abdulrahim"; later stages split the article), or null when the
     * word is not a common name.
     */
    public static String spell(String word) {
        String k = key(word);
        String direct = SPELLING.get(k);
        if (direct != null) return direct;
        if (k.startsWith("\u0627\u0644") && k.length() > 3) {
            String rest = SPELLING.get(k.substring(2));
            if (rest != null) return "al" + rest;
        }
        if (k.startsWith("\u0639\u0628\u062F") && k.length() > 4) { // عبد + a name of God
            String rest = k.substring(3);
            if (rest.startsWith("\u0627\u0644")) rest = rest.substring(2);
            String name = SPELLING.get(rest);
            if (name != null) return "abdul" + name;
        }
        if (k.startsWith("\u0627\u0628\u0648") && k.length() > 4) { // ابو + a name, written together
            String name = SPELLING.get(k.substring(3));
            if (name != null) return "abu" + name;
        }
        return null;
    }

    /** Whether a part is one of the spellings given here (or one of them after "al", "abdul" or "abu"): a Latin part, not a skeleton. */
    public static boolean isSpelling(String part) {
        return SPELLINGS.contains(part);
    }
}
