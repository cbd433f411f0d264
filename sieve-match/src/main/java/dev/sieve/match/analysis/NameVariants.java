package dev.sieve.match.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Stage: the variant spellings the lists themselves use for the same name part, folded to one form
 * (Usama/Osama, Muhammad/Mohammed/Mohamed, Sergei/Sergey/Serguei, Kim Jong Un/Kim Chong-un...), and
 * the particles (al, bin, abu, van, de...) that carry little evidence on their own.
 */
public final class NameVariants {
    private static final Map<String, String> CANONICAL = new HashMap<>();
    private static final Set<String> PARTICLES = Set.of("al", "el", "ul", "bin", "ben", "ibn", "bint", "abu", "abou",
            "abo", "da", "de", "del", "della", "di", "du", "dos", "das", "van", "von", "der", "den", "la", "le", "los",
            "las", "y", "e", "ter", "ten", "st", "mac", "mc", "ould", "wuld", "ag", "bn");

    static {
        group("muhammad", "mohammed", "mohammad", "mohamed", "muhammed", "mohamad", "muhamad", "mohd", "muhamed",
                "mohamud", "mohummad", "mahomed", "mouhamed", "mouhammad", "mohammod", "muhammadu", "mhmd");
        group("osama", "usama", "ousama", "oussama", "usamah", "osamah");
        group("sergei", "sergey", "serguei", "sergej", "sergiy", "serhiy", "serhii");
        group("aleksandr", "alexander", "aleksander", "alexandr", "oleksandr", "alexandre", "aleksandar");
        group("yuri", "yury", "yuriy", "iouri", "yurii", "jurij", "yurij");
        group("evgeny", "yevgeny", "evgeniy", "yevgeniy", "evgenii", "yevgenii", "evgenij", "jewgeni");
        group("dmitry", "dmitri", "dmitriy", "dmitrii", "dmitrij");
        group("andrei", "andrey", "andrej", "andrii", "andriy");
        group("aleksei", "alexey", "aleksey", "alexei", "alexej", "oleksiy", "oleksii");
        group("nikolai", "nikolay", "nicolai", "mykola");
        group("vitaly", "vitaliy", "vitalii", "vitalij");
        group("anatoly", "anatoliy", "anatolii");
        group("valery", "valeriy", "valerii");
        group("gennady", "gennadiy", "gennadii");
        group("mikhail", "michail", "mykhailo");
        group("abd", "abdul", "abdel", "abdal", "abdol", "abdu", "abdoul", "abdelh");
        group("abdullah", "abdallah", "abdulla", "abdalla", "abdellah", "abdoulaye");
        group("husayn", "hussein", "husein", "hussain", "husain", "hossein", "hosein", "hussin", "houssein");
        group("hasan", "hassan", "hasen", "hassen");
        group("ahmad", "ahmed", "ahmet", "achmad");
        group("mahmud", "mahmoud", "mahmood", "mehmood", "mahmut");
        group("yusuf", "yousef", "youssef", "yousuf", "yusef", "yousif", "yusif", "youcef");
        group("ibrahim", "ebrahim", "ibraheem", "brahim");
        group("umar", "omar", "omer", "oumar");
        group("uthman", "othman", "osman", "usman", "ousmane", "usmon");
        group("khalid", "khaled", "khalid", "halid");
        group("said", "saeed", "saed", "saied", "sa'id");
        group("nasir", "nasser", "naser", "nassir", "nasr");
        group("abu", "abou", "abo");
        group("bin", "ben", "ibn", "bn");
        group("al", "el", "ul");
        group("ladin", "laden");
        group("qadhafi", "gaddafi", "kadafi", "qaddafi", "gadhafi", "kaddafi", "qadafi");
        group("abdulrahman", "abdurrahman", "abdelrahman", "abdalrahman", "abdurahman");
        group("rahman", "rehman", "rahmane");
        group("rahim", "raheem", "rahime");
        group("karim", "kareem", "kerim");
        group("jamal", "gamal", "djamal", "jamaal");
        group("jafar", "jaafar", "jaffar", "djafar");
        group("faisal", "faysal", "feisal", "faycal");
        group("yasin", "yassin", "yaseen", "yassine");
        group("mustafa", "mustapha", "moustafa", "mostafa", "moustapha");
        group("mansur", "mansour", "mansoor");
        group("salim", "saleem", "selim", "salem");
        group("ismail", "ismael", "esmail", "ismaeel", "ismayil");
        group("zakaria", "zakariya", "zakariyya", "zacharia");
        // Korean: Revised Romanisation, McCune-Reischauer and the lists' own spellings.
        group("jong", "chong", "jeong", "jung", "chung");
        group("un", "eun", "eun");
        group("kim", "gim");
        group("park", "pak", "bak");
        group("ri", "lee", "rhee", "yi", "li");
        group("choe", "choi", "chwe");
        group("jang", "chang");
        group("jo", "cho");
        group("song", "sung");
        group("il", "ill");
        group("chol", "cheol", "chul");
        group("hyon", "hyun", "hyeon");
        group("yong", "young", "yeong");
        group("kwang", "gwang");
        group("ryong", "ryeong", "ryung");
    }

    private NameVariants() {
    }

    private static void group(String canonical, String... variants) {
        CANONICAL.put(canonical, canonical);
        for (String v : variants) CANONICAL.putIfAbsent(v, canonical);
    }

    public static String canonical(String token) {
        return CANONICAL.getOrDefault(token, token);
    }

    public static boolean isParticle(String token) {
        return PARTICLES.contains(token);
    }
}
