package dev.sieve.match.analysis;

import java.util.HashMap;
import java.util.Map;

/**
 * Stage (organisations written in Chinese characters): the words that say what a company is, and where, in English.
 * Other lists translate them and romanise only the name: "華信船務(香港)有限公司" is "HUAXIN SHIPPING HONGKONG LTD",
 * "沈忠國際海運有限公司" is "SHEN ZHONG INTERNATIONAL SHIPPING". The analyser reads such a name twice, romanised as it
 * is and with these words in English (see {@link ArabicOrganisationTerms} for Arabic script). Simplified and
 * traditional characters alike; the longest term at each place wins (有限公司 before 公司).
 */
public final class ChineseOrganisationTerms {
    private static final Map<String, String> ENGLISH = new HashMap<>();
    private static final int LONGEST = 6;
    private static final java.util.Set<String> PLACES = java.util.Set.of("hong kong", "china");

    static {
        put("co ltd", "有限公司", "股份有限公司", "有限责任公司", "有限責任公司");
        put("company", "公司", "会社", "會社");
        put("group", "集团", "集團");
        put("holdings", "控股");
        put("international", "国际", "國際");
        put("shipping", "船务", "船務", "海运", "海運", "航运", "航運");
        put("trading", "贸易", "貿易", "商贸", "商貿");
        put("technology", "技术", "技術", "科技");
        put("bank", "银行", "銀行");
        put("industrial", "实业", "實業");
        put("industry", "工业", "工業");
        put("investment", "投资", "投資");
        put("logistics", "物流");
        put("machinery", "机械", "機械");
        put("energy", "能源");
        put("petroleum", "石油");
        put("electronics", "电子", "電子");
        put("development", "发展", "發展");
        put("hong kong", "香港");
        put("china", "中国", "中國");
    }

    private ChineseOrganisationTerms() {
    }

    private static void put(String english, String... chinese) {
        for (String c : chinese) ENGLISH.put(c, english);
    }

    /**
     * The name with its known terms in English, each a word of its own; null when it has none. A name not known to be
     * an organisation's ({@code organisation} false: no schema given) needs a term that says what it is, not only a
     * place: 李中国 is a person, Li Zhongguo.
     */
    public static String translate(String name, boolean organisation) {
        StringBuilder out = new StringBuilder(name.length() + 32);
        boolean any = false;
        boolean type = organisation;
        int i = 0;
        while (i < name.length()) {
            String english = null;
            int length = Math.min(LONGEST, name.length() - i);
            for (; length >= 2 && english == null; length--) english = ENGLISH.get(name.substring(i, i + length));
            if (english != null) {
                length++; // (the loop stepped past the length that matched)
                out.append(' ').append(english).append(' ');
                i += length;
                any = true;
                type |= !PLACES.contains(english);
            } else {
                out.append(name.charAt(i++));
            }
        }
        return any && type ? out.toString().trim().replaceAll("\\s+", " ") : null;
    }
}
