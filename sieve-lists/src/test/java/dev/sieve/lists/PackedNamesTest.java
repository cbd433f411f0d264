package dev.sieve.lists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.model.Entity;
import dev.sieve.model.Name;
import dev.sieve.model.NameKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fields that pack several names, or a name and a remark, become one name each, as the lists publish them. */
class PackedNamesTest {
    static List<String> strong(String field) {
        return PackedNames.of(field, NameKind.ALIAS, false).stream().filter(n -> !n.weak()).map(Name::value).toList();
    }

    static List<String> weak(String field) {
        return PackedNames.of(field, NameKind.ALIAS, false).stream().filter(Name::weak).map(Name::value).toList();
    }

    @Test
    void spellingsInAnotherScriptOrAfterSemicolonsAreNamesOfTheirOwn() {
        assertThat(strong("حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)"))
                .containsExactly("حسن غول", "Hassan Ghul", "Hassan Gul", "Hasan Gul");
        assertThat(weak("حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)")).containsExactly("حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)");
        assertThat(strong("Azim Adhajani; Azim Agha-Jani")).containsExactly("Azim Adhajani", "Azim Agha-Jani");
        assertThat(strong("Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet; M. Jawad Karimi Sabet"))
                .containsExactly("Mohammed Sabet", "Mohammad Sabet", "M. Javad Kareemi Sabet", "M. Jawad Karimi Sabet");
        assertThat(strong("Amir Khazmat (original script: Амир Хазмат)")).containsExactly("Amir Khazmat", "Амир Хазмат");
        assertThat(strong("Akhter Mohmad son of Noor Mohmad (اختر محمد ولد نور محمد ),"))
                .containsExactly("Akhter Mohmad", "اختر محمد");
        // the original script says "son of" too (ولد): the father's name is a remark there as well (UN TAi.034, TAi.051)
        assertThat(strong("Haji Gulab Gul (حاجی گلاب گل ولد حاجی حضرت گل )")).containsExactly("Haji Gulab Gul", "حاجی گلاب گل");
        assertThat(strong("Abdul Haq son of M. Anwar Khan (عبد الحق ولد محمد انور خان)")).containsExactly("Abdul Haq", "عبد الحق");
        // one word before it: "Ould" is part of a Mauritanian name
        assertThat(strong("محفوظ ولد الوليد")).containsExactly("محفوظ ولد الوليد");
        assertThat(weak("Akhter Mohmad son of Noor Mohmad (اختر محمد ولد نور محمد ),"))
                .containsExactly("Akhter Mohmad son of Noor Mohmad (اختر محمد ولد نور محمد ),");
        // nested: an acronym, a name marked as original script, then spellings
        assertThat(strong("Hay’at Tahrir al-Sham (HTS) (هيئة تحرير الشام (original script); Hayat Tahrir al-Sham)"))
                .containsExactly("Hay’at Tahrir al-Sham", "هيئة تحرير الشام", "Hayat Tahrir al-Sham");
        assertThat(strong("شبكة أنصار المجاهدين (Ansar al-Mujahideen Network - sub-unit name)"))
                .containsExactly("شبكة أنصار المجاهدين", "Ansar al-Mujahideen Network");
        // a name followed by its original script, no parenthesis between (UN TAi.148)
        assertThat(strong("Agha Jan Alizai اغا جان عالیزی")).containsExactly("Agha Jan Alizai", "اغا جان عالیزی");
        assertThat(weak("Agha Jan Alizai اغا جان عالیزی")).containsExactly("Agha Jan Alizai اغا جان عالیزی");
        // one word in another script is part of the name
        assertThat(strong("AMIR 彭 TRADING")).containsExactly("AMIR 彭 TRADING");
        assertThat(strong("Amir Ali 彭")).containsExactly("Amir Ali 彭");
    }

    @Test
    void remarksAreDroppedAndAcronymsAreWeak() {
        assertThat(strong("Ezatullah Haqqani (previously listed as)")).containsExactly("Ezatullah Haqqani");
        assertThat(strong("Encep Nurjaman (birth name)")).containsExactly("Encep Nurjaman");
        assertThat(strong("Khirullah Said Wali Khairkhwa, born in Kandahar on 01 Jan.1967")).containsExactly("Khirullah Said Wali Khairkhwa");
        assertThat(strong("Safia Farkash Mohammed Al-Hadad, born 1 Jan. 1953 (Oman passport no.03825239)"))
                .containsExactly("Safia Farkash Mohammed Al-Hadad");
        assertThat(strong("Max Born")).containsExactly("Max Born");
        // the UN's "X son of Y (original script)": the father's name is a remark in both scripts, the field kept weak
        assertThat(strong("Akhter Mohmad son of Noor Mohmad (اختر محمد ولد نور محمد )"))
                .containsExactly("Akhter Mohmad", "اختر محمد");
        assertThat(weak("Akhter Mohmad son of Noor Mohmad (اختر محمد ولد نور محمد )"))
                .containsExactly("Akhter Mohmad son of Noor Mohmad (اختر محمد ولد نور محمد )");
        assertThat(strong("Jackson Poll")).containsExactly("Jackson Poll");
        assertThat(strong("(Sheikh) Musa Hilal")).containsExactly("Musa Hilal");
        assertThat(strong("FOREIGN TRADE BANK (FTB)")).containsExactly("FOREIGN TRADE BANK");
        assertThat(weak("FOREIGN TRADE BANK (FTB)")).contains("FTB");
        assertThat(weak("Lord’s Resistance Movement/Army (LRM/A)")).contains("LRM/A");
        assertThat(strong("SECOND ACADEMY OF NATURAL SCIENCES (KPE.018)")).containsExactly("SECOND ACADEMY OF NATURAL SCIENCES");
        assertThat(strong("SEPAH-E QODS (JERUSALEM FORCE)")).containsExactly("SEPAH-E QODS", "JERUSALEM FORCE");
        assertThat(strong("SANTOS, Ahmad (Ahmed)")).containsExactly("SANTOS, Ahmad", "SANTOS, Ahmed");
        assertThat(strong("Lom-ali Butayev (Butaev)")).containsExactly("Lom-ali Butayev", "Lom-ali Butaev");
    }

    @Test
    void parenthesesThatTellEntitiesApartStay() {
        assertThat(strong("AL-HARAMAIN FOUNDATION (PAKISTAN)")).containsExactly("AL-HARAMAIN FOUNDATION (PAKISTAN)");
        assertThat(strong("AL-HARAMAIN (THE NETHERLANDS BRANCH)")).containsExactly("AL-HARAMAIN (THE NETHERLANDS BRANCH)");
        assertThat(strong("AL-HARAMAIN FOUNDATION (UNION OF THE COMOROS)")).containsExactly("AL-HARAMAIN FOUNDATION (UNION OF THE COMOROS)");
        assertThat(strong("LEADER (HONG KONG) INTERNATIONAL")).containsExactly("LEADER (HONG KONG) INTERNATIONAL");
        assertThat(strong("TOUS POUR LA PAIX ET LE DEVELOPPEMENT (NGO)")).containsExactly("TOUS POUR LA PAIX ET LE DEVELOPPEMENT (NGO)");
        assertThat(strong("ABZAR BORESH KAVEH CO. (BK CO.)")).containsExactly("ABZAR BORESH KAVEH CO. (BK CO.)");
        assertThat(strong("華信船務(香港)有限公司")).containsExactly("華信船務(香港)有限公司");
        assertThat(PackedNames.of("Kim Jong Un", NameKind.PRIMARY, false)).containsExactly(Name.primary("Kim Jong Un"));
    }

    @Test
    void theUnListsPackedAliasesAreFoundByTheirNames() throws Exception {
        Read un = Read.shared("un_sc/consolidated.xml");
        // the UN marks this alias low quality: its names stay weak (the matcher decides what a full weak name may do)
        assertThat(un.get("un:QDi.299").names()).filteredOn(Name::weak).extracting(Name::value)
                .contains("Abu Bakr al-Baghdadi", "أبو بكر البغدادي الحسيني القريشي");
        assertThat(strongNames(un.get("un:QDe.137"))).contains("Jabhat al-Nusrah", "جبهة النصرة", "Hay’at Tahrir al-Sham");
        assertThat(un.entities().values()).anySatisfy(e -> assertThat(strongNames(e)).contains("Hassan Gul"));
        // no strong name anywhere still carries a list of names
        for (Entity e : un.entities().values()) {
            assertThat(strongNames(e)).as(e.id()).noneMatch(n -> n.contains(";"));
            assertThat(e.names().getFirst().kind()).isEqualTo(NameKind.PRIMARY);
        }
        // the UN entity primary "COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)"
        assertThat(un.entities().values()).anySatisfy(e -> {
            assertThat(e.primaryName().value()).isEqualTo("COMPAGNIE AERIENNE DES GRANDS LACS");
            assertThat(strongNames(e)).contains("GREAT LAKES BUSINESS COMPANY");
        });
    }

    static List<String> strongNames(Entity e) {
        return e.names().stream().filter(n -> !n.weak()).map(Name::value).toList();
    }
}
