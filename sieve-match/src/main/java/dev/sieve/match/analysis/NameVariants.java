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
        // syllables romanised with a doubled or another vowel: Korean 수/주/유, Chinese 魏, Arabic نور
        group("su", "soo");
        group("ju", "joo");
        group("yu", "yoo");
        group("wei", "wey");
        group("nur", "noor", "nour", "nor");
        // words of organisations' names as other languages (and their transliterations) write them
        group("concern", "kontsern", "konzern", "kontserna");
        group("group", "gruppa", "grupa", "grupo", "groupe", "gruppe");
        group("center", "centre", "tsentr", "centro", "zentrum", "centar");
        group("institute", "institut", "instituto", "institutt");
        group("university", "universitet", "universidad", "universite", "universitat", "universita");
        group("ministry", "ministerstvo", "ministerio", "ministere", "ministerium");
        group("muhammad", "mohammed", "mohammad", "mohamed", "muhammed", "mohamad", "muhamad", "mohd", "muhamed",
                "mohamud", "mohummad", "mahomed", "mouhamed", "mouhammad", "mohammod", "muhammadu", "mhmd", "imhamad", "mhamed"); // Imhamad: Libya's; Mhamed: the Maghreb's
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
        group("musa", "moussa", "mousa", "mussa", "moosa");
        group("iyad", "eyad", "iyyad");
        group("doku", "dokka", "dokku");
        group("husayn", "hussein", "husein", "hussain", "husain", "hossein", "hosein", "hussin", "houssein");
        group("hasan", "hassan", "hasen", "hassen");
        group("ahmad", "ahmed", "ahmet", "achmad", "ahmat"); // Ahmat: as Chad and Turkic languages write it
        group("tariq", "tarek", "tareq", "tarik", "tarak"); // Tarak, Tarek: as Tunisia and Algeria write it
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
        group("qadhafi", "gaddafi", "kadafi", "qaddafi", "gadhafi", "kaddafi", "qadafi", "ghathafi", "gathafi", "qathafi",
                "kadhafi", "gadafi", "qazzafi", "ghadaffi", "ghadafi");
        group("aisha", "ayesha", "aysha", "aicha", "aishah", "ayisha", "aischa", "aesha");
        group("sayyid", "sayed", "sayyed", "syed", "seyed", "seyyed", "sayid");
        group("saqr", "saqar", "saqer", "sakr", "saker");
        group("isa", "issa", "essa", "eisa");
        group("tayyib", "tayeb", "tayyeb", "tayib");
        group("ziya", "zia", "diya", "dhiya");
        group("tabatabai", "tabatabaei", "tabatabaee", "tabatabaie");
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
        // Words organisations abbreviate ("First Bank Int'l").
        group("international", "intl", "internat");
        group("national", "natl");
        group("department", "dept");
        group("manufacturing", "mfg");
        group("brothers", "bros");
        group("association", "assn", "assoc");
        group("university", "univ");
        group("management", "mgmt");
        group("holdings", "hldgs", "hldg");
        group("services", "svcs");
        group("shipping", "shpg");
        // Words lists spell or translate two ways ("MOROCCAN ISLAMIC COMBATANT GROUP" for المقاتلة, "fighting").
        group("organization", "organisation");
        group("fighting", "combatant");
        group("center", "centre");
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

    /**
     * Given names that stand for one another without being spellings of one name: short forms (Ted for
     * Edward or Theodore, Bibi for Benjamin, Sasha for Aleksandr) and the same name in other languages
     * (John, Juan, Jean, Johann, Giovanni, Ivan). A part may belong to several groups.
     */
    private static final Map<String, Long> GIVEN_GROUPS = new HashMap<>();
    private static int givenGroups;

    static {
        given("john", "juan", "jean", "johann", "johannes", "giovanni", "ivan", "joao", "jan", "jack", "johnny",
                "johnnie", "sean", "ioannis", "hans", "jon", "yahya");
        given("joseph", "jose", "giuseppe", "josef", "joe", "joey", "jozef", "iosif", "pepe");
        given("peter", "pedro", "pierre", "pietro", "piotr", "pyotr", "petr", "pete", "petro", "petros");
        given("paul", "pablo", "paolo", "pavel", "paulo", "pavlo", "pawel");
        given("michael", "miguel", "michel", "michele", "mikhail", "mike", "mick", "mickey", "mikael", "michal",
                "mykhailo", "mikhael", "mikel");
        given("james", "jaime", "jim", "jimmy", "jamie", "giacomo", "jacques");
        given("william", "guillermo", "wilhelm", "guillaume", "bill", "billy", "will", "willy", "liam", "willem");
        given("charles", "carlos", "karl", "carlo", "charlie", "chuck", "karel");
        given("george", "jorge", "georg", "giorgio", "georgiy", "georgy", "georgi", "giorgi", "jurgen", "yuri");
        given("stephen", "steven", "esteban", "stefan", "stepan", "stephane", "steve", "stefano", "stepan");
        given("anthony", "antonio", "anton", "antoine", "tony", "antoni", "antony");
        given("andrew", "andres", "andreas", "andre", "andrea", "andy", "drew", "andrei", "andrzej");
        given("thomas", "tomas", "tommaso", "tom", "tommy", "tomasz");
        given("henry", "enrique", "heinrich", "henri", "harry", "hal", "enrico", "henrik");
        given("frederick", "federico", "friedrich", "frederic", "fred", "freddie", "fritz");
        given("edward", "eduardo", "eduard", "edouard", "ted", "teddy", "ed", "eddie", "ned", "edoardo");
        given("theodore", "teodoro", "theodor", "fyodor", "fedor", "ted", "teddy", "theo");
        given("robert", "roberto", "bob", "bobby", "rob", "robbie", "bert");
        given("richard", "ricardo", "riccardo", "dick", "rick", "ricky", "rich", "richie");
        given("timothy", "tim", "timmy", "timofey");
        given("david", "dave", "davy", "davide", "davit", "dawid");
        given("daniel", "dan", "danny", "daniele", "danilo");
        given("benjamin", "ben", "benny", "bibi", "beniamino", "veniamin");
        given("nicholas", "nicolas", "nikolaus", "nicola", "nick", "nicky", "niklas", "nikolai", "mykola", "mikola");
        given("alexander", "alejandro", "alessandro", "alex", "sasha", "sacha", "sandro", "aleksandr", "oleksandr");
        given("christopher", "cristobal", "christoph", "chris", "kris", "krzysztof");
        given("samuel", "sam", "sammy", "shmuel");
        given("matthew", "mateo", "matteo", "matthias", "matt", "mathieu", "matvey", "mateusz");
        given("philip", "felipe", "filippo", "philippe", "phil", "filip", "philipp");
        given("lawrence", "laurence", "lorenzo", "laurent", "larry", "lorenz");
        given("gregory", "gregorio", "gregor", "greg", "grigory", "grigoriy", "grzegorz");
        given("donald", "don", "donnie");
        given("ronald", "ron", "ronnie");
        given("kenneth", "ken", "kenny");
        given("gerald", "gerry", "jerry", "gerard", "gerardo");
        given("abraham", "abe", "avraham", "ibrahim");
        given("vladimir", "vova", "volodya", "volodymyr", "wladimir", "wlodzimierz");
        given("dmitry", "dima", "dmytro");
        given("mikhail", "misha");
        given("nikolai", "kolya");
        given("sergei", "seryozha", "serhiy");
        given("evgeny", "zhenya");
        given("aleksei", "alyosha", "lyosha");
        given("catherine", "katherine", "catalina", "caterina", "katharina", "ekaterina", "yekaterina", "kate",
                "katie", "cathy", "kathy", "katya", "katarzyna");
        given("elizabeth", "elisabeth", "isabel", "elisabetta", "liz", "beth", "betty", "elisabet", "yelizaveta");
        given("margaret", "margarita", "margherita", "marguerite", "peggy", "maggie", "meg", "greta");
        given("mary", "maria", "marie", "mariya", "marya", "molly", "mariam", "maryam", "miriam");
        given("anne", "anna", "ana", "annie", "hannah", "anya");
        given("helen", "elena", "helena", "yelena", "hélène", "olena", "ellen");
        given("susan", "susana", "suzanne", "sue", "susie");
        given("patrick", "patricio", "pat", "paddy");
        given("joseph", "yusuf", "youssef", "yosef");
        given("jacob", "jakob", "jacobo", "giacobbe", "yakov", "yaakov", "yakub", "yaqub", "jake");
        given("moses", "moshe", "musa", "mose");
        given("solomon", "shlomo", "sulayman", "suleiman", "sulaiman");
        given("david", "dawud", "daoud", "dawood");
        given("john", "yohannes", "yuhanna");
        given("michael", "mikail");
    }

    private NameVariants() {
    }

    private static void given(String... names) {
        int group = givenGroups++;
        if (group >= Long.SIZE) throw new IllegalStateException("more given-name groups than bits in a long");
        for (String n : names) GIVEN_GROUPS.merge(n, 1L << group, (a, b) -> a | b);
    }

    /** The groups of given names this word belongs to, one bit each (0: none). */
    public static long givenNames(String word) {
        Long groups = GIVEN_GROUPS.get(word);
        return groups == null ? 0 : groups;
    }

    /** Whether two given names are short forms or language forms of one name. */
    public static boolean sameGivenName(String a, String b) {
        return (givenNames(a) & givenNames(b)) != 0;
    }

    private static void group(String canonical, String... variants) {
        CANONICAL.put(canonical, canonical);
        for (String v : variants) CANONICAL.putIfAbsent(v, canonical);
    }

    /** Whether the part is one of the known spellings folded here. */
    public static boolean isKnown(String token) {
        return CANONICAL.containsKey(token);
    }

    public static String canonical(String token) {
        return CANONICAL.getOrDefault(token, token);
    }

    private static final String[] PATRONYMIC_ENDINGS = {"ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna",
            "ichna", "ogly", "oglu", "kyzy", "qizi"};

    /** An East Slavic or Turkic patronymic: Viktorovich, Oleksandrovych, Ivanovna, Aliyev oglu. */
    public static boolean isPatronymic(String token) {
        if (token.length() < 7) return false;
        for (String e : PATRONYMIC_ENDINGS) if (token.endsWith(e)) return true;
        return false;
    }

    /** A particle (al, bin, van, de...) or a title (Mr, Sheikh, Haji...): a part that weighs little. */
    public static boolean isParticle(String token) {
        return PARTICLES.contains(token) || Titles.isTitle(token);
    }
}
