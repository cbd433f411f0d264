package dev.sieve.parties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sieve.match.MatchEngine;
import dev.sieve.model.BirthDate;
import dev.sieve.model.Entity;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule and the guard alone, on small hand-made listings. */
class RulesTest {
    private static List<Candidate> proposals(LinkRule rule, Entity... entities) {
        List<Candidate> out = new ArrayList<>();
        rule.propose(new Listings(List.of(entities)), out::add);
        return out;
    }

    @Test
    void unReferencesInTheirOldAndCurrentForms() {
        assertThat(UnReference.normalise("QDi.333")).contains("QDi.333");
        assertThat(UnReference.normalise("QDI.282")).contains("QDi.282");
        assertThat(UnReference.normalise("KPe.23")).contains("KPe.023");
        assertThat(UnReference.normalise("QI.A.86.03")).contains("QDi.086");
        assertThat(UnReference.normalise("QE.A.146.14")).contains("QDe.146");
        assertThat(UnReference.normalise("TI.M.100.01")).contains("TAi.100");
        assertThat(UnReference.normalise("No")).isEmpty();
        assertThat(UnReference.citedIn("UN Ref QDe.004. Emir for the eastern zone; UN REF:QE.A.146.14."))
                .containsExactly("QDe.004", "QDe.146");
        assertThat(UnReference.citedIn("UN id: KPi.033")).containsExactly("KPi.033");
        assertThat(UnReference.citedIn("Uganda Ref 12")).isEmpty();
    }

    @Test
    void eachRuleProposesWhatItSees() {
        Entity un = Entity.builder("un:KPi.033", "un", Schema.PERSON).primaryName("KIM JONG UN")
                .identifier(new Identifier(IdentifierType.PASSPORT, "Passport", "PS-12345", "KP")).build();
        Entity uk = Entity.builder("uk:100", "uk-ofsi", Schema.PERSON).primaryName("Jong Un KIM")
                .remark("UN Ref KPi.033").build();
        Entity ofac = Entity.builder("us-ofac:5", "us-ofac-sdn", Schema.PERSON).primaryName("KIM, Jong Un")
                .identifier(new Identifier(IdentifierType.PASSPORT, "Passport", "ps 12345", null)).build();
        Entity cons = Entity.builder("us-ofac-cons:5", "us-ofac-cons", Schema.PERSON).primaryName("KIM, Jong Un").build();
        Entity ftm = Entity.builder("x:NK-1", "ftm:x", Schema.PERSON).primaryName("Kim Jong-un").referent("ofac-5")
                .referent("gb-hmt-100").build();
        assertThat(proposals(new UnReferenceRule(), un, uk)).extracting(Candidate::to).containsExactly("un:KPi.033");
        assertThat(proposals(new SharedDocumentRule(), un, uk, ofac)).singleElement()
                .satisfies(c -> assertThat(c.evidence()).contains("passport PS-12345 (KP)"));
        assertThat(proposals(new OfacUidRule(), ofac, cons)).extracting(Candidate::to).containsExactly("us-ofac:5");
        assertThat(proposals(new FtmReferentRule(), ftm, ofac, cons, uk)).extracting(Candidate::to)
                .containsExactlyInAnyOrder("us-ofac:5", "us-ofac-cons:5", "uk:100");
    }

    @Test
    void documentsOfDifferentCountriesOrOfTheSameListProposeNothing() {
        Entity a = Entity.builder("un:1", "un", Schema.PERSON).primaryName("A B")
                .identifier(new Identifier(IdentifierType.PASSPORT, "Passport", "123456", "IR")).build();
        Entity b = Entity.builder("us-ofac:1", "us-ofac-sdn", Schema.PERSON).primaryName("A B")
                .identifier(new Identifier(IdentifierType.PASSPORT, "Passport", "123456", "IQ")).build();
        Entity c = Entity.builder("un:2", "un", Schema.PERSON).primaryName("A B")
                .identifier(new Identifier(IdentifierType.PASSPORT, "Passport", "123456", "IR")).build();
        assertThat(proposals(new SharedDocumentRule(), a, b, c)).isEmpty();
    }

    @Test
    void theGuardWantsOneKindAndAgreeingNamesOrBirthDates() {
        LinkGuard guard = new LinkGuard(MatchEngine.build(List.of()));
        Entity person = Entity.builder("uk:1", "uk-ofsi", Schema.PERSON).primaryName("Nayef AL-HABABI").build();
        Entity org = Entity.builder("un:QDe.004", "un", Schema.ORGANIZATION).primaryName("AL-QAIDA").build();
        assertThat(guard.check(person, org).refusal()).contains("Person").contains("Organization");

        BirthDate born = BirthDate.exact(PartialDate.parse("1973-09-30"));
        Entity jo = Entity.builder("un:KPi.034", "un", Schema.PERSON).primaryName("JO YONG CHOL").birthDate(born).build();
        Entity spelled = Entity.builder("uk:2", "uk-ofsi", Schema.PERSON).primaryName("Yong Chol JO").build();
        Entity otherName = Entity.builder("uk:3", "uk-ofsi", Schema.PERSON).primaryName("Ryong KANG").birthDate(born).build();
        Entity stranger = Entity.builder("uk:4", "uk-ofsi", Schema.PERSON).primaryName("Ryong KANG").build();
        assertThat(guard.check(jo, spelled).agreement()).startsWith("names agree");
        assertThat(guard.check(jo, otherName).agreement()).isEqualTo("both born 1973-09-30");
        assertThat(guard.check(jo, stranger).linked()).isFalse();

        // the same birth year lets names that agree only in part link; another year does not
        Entity zabin = Entity.builder("un:YEi.006", "un", Schema.PERSON).primaryName("SULTAN SALEH AIDA AIDA ZABIN")
                .birthDate(BirthDate.exact(PartialDate.parse("1986-02-05"))).build();
        Entity short1986 = Entity.builder("us-ofac:1", "us-ofac-sdn", Schema.PERSON).primaryName("ZABIN, Sultan")
                .birthDate(BirthDate.exact(PartialDate.parse("1986"))).build();
        Entity short1970 = Entity.builder("us-ofac:2", "us-ofac-sdn", Schema.PERSON).primaryName("ZABIN, Sultan")
                .birthDate(BirthDate.exact(PartialDate.parse("1970"))).build();
        assertThat(guard.check(zabin, short1986).agreement()).startsWith("both born in 1986, names agree in part");
        assertThat(guard.check(zabin, short1970).linked()).isFalse();
    }

    @Test
    void linksCloseTransitivelyAndThePartyIsNamedByItsUnListing() {
        Entity un = Entity.builder("un:KPi.033", "un", Schema.PERSON).primaryName("KIM JONG UN").build();
        Entity uk = Entity.builder("uk:100", "uk-ofsi", Schema.PERSON).primaryName("Jong Un KIM")
                .remark("UN Ref KPi.033").build();
        Entity ftm = Entity.builder("x:NK-1", "ftm:x", Schema.PERSON).primaryName("Kim Jong-un").referent("gb-hmt-100").build();
        Entity other = Entity.builder("un:KPi.001", "un", Schema.PERSON).primaryName("RI JE SON").build();
        List<Entity> all = List.of(ftm, uk, un, other);
        Parties p = PartyLinker.standard().link(all, MatchEngine.build(all));
        assertThat(p.listingsWith("x:NK-1")).containsExactly("un:KPi.033", "uk:100", "x:NK-1");
        assertThat(p.partyOf("uk:100")).isEqualTo("party:un:KPi.033");
        assertThat(p.partyOf("un:KPi.001")).isEqualTo("party:un:KPi.001");
        assertThat(p.listingsWith("un:KPi.001")).containsExactly("un:KPi.001");
        assertThat(p.describe(List.of("un:KPi.033", "uk:100", "x:NK-1", "un:KPi.001"))).isEqualTo("2 parties (4 listings)");
    }
}
