package dev.sieve.lists;

import dev.sieve.model.Address;
import dev.sieve.model.BirthDate;
import dev.sieve.model.Countries;
import dev.sieve.model.Entity;
import dev.sieve.model.EntityBuilder;
import dev.sieve.model.Gender;
import dev.sieve.model.Identifier;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.Name;
import dev.sieve.model.NameKind;
import dev.sieve.model.PartialDate;
import dev.sieve.model.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The UN Security Council consolidated list ({@code CONSOLIDATED_LIST} with {@code INDIVIDUALS/INDIVIDUAL}
 * and {@code ENTITIES/ENTITY}). Ids are {@code un:<REFERENCE_NUMBER>}; the regime is named after its
 * committee's resolution ("UN DPRK 1718").
 */
final class UnXmlReader extends XmlListReader {
    static final String SOURCE = ListFormat.UN_XML.defaultSource();

    /** UN_LIST_TYPE to the regime's name with its founding resolution. */
    private static final Map<String, String> REGIMES = Map.ofEntries(
            Map.entry("Al-Qaida", "UN ISIL (Da'esh) and Al-Qaida 1267"),
            Map.entry("Taliban", "UN Taliban 1988"),
            Map.entry("DPRK", "UN DPRK 1718"),
            Map.entry("Iran", "UN Iran 2231"),
            Map.entry("Iraq", "UN Iraq 1518"),
            Map.entry("DRC", "UN DRC 1533"),
            Map.entry("Libya", "UN Libya 1970"),
            Map.entry("Somalia", "UN Al-Shabaab 2713"),
            Map.entry("CAR", "UN Central African Republic 2127"),
            Map.entry("Haiti", "UN Haiti 2653"),
            Map.entry("Yemen", "UN Yemen 2140"),
            Map.entry("GB", "UN Guinea-Bissau 2048"),
            Map.entry("Sudan", "UN Sudan 1591"),
            Map.entry("SouthSudan", "UN South Sudan 2206"),
            Map.entry("Mali", "UN Mali 2374"));

    @Override
    public ListFormat format() {
        return ListFormat.UN_XML;
    }

    @Override
    String rootName() {
        return "CONSOLIDATED_LIST";
    }

    @Override
    Instant publishedFromRoot(XmlNode root, String file) {
        String generated = root.attr("dateGenerated");
        if (generated == null) return null;
        try {
            return Instant.parse(generated);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ListFormatException(file, "line " + root.line(), "dateGenerated '" + generated + "' is not a timestamp");
        }
    }

    @Override
    boolean isRecord(List<String> path) {
        return path.size() == 3 && (path.get(2).equals("INDIVIDUAL") || path.get(2).equals("ENTITY"));
    }

    @Override
    String idOf(XmlNode record, String source) {
        String ref = record.text("REFERENCE_NUMBER");
        return ref == null ? null : "un:" + ref;
    }

    @Override
    Entity map(XmlNode record, String source) {
        return entity(record);
    }

    private static Entity entity(XmlNode r) {
        boolean person = r.name().equals("INDIVIDUAL");
        String ref = r.text("REFERENCE_NUMBER");
        if (ref == null) throw new IllegalArgumentException("REFERENCE_NUMBER is missing");
        EntityBuilder b = Entity.builder("un:" + ref, SOURCE, person ? Schema.PERSON : Schema.ORGANIZATION);
        String name = Text.joinNonBlank(" ", r.text("FIRST_NAME"), r.text("SECOND_NAME"), r.text("THIRD_NAME"),
                r.text("FOURTH_NAME"));
        if (name == null) throw new IllegalArgumentException("FIRST_NAME is missing");
        PackedNames.add(b, name, NameKind.PRIMARY, false);
        String original = r.text("NAME_ORIGINAL_SCRIPT");
        if (original != null) b.name(Name.originalScript(original));
        for (XmlNode alias : r.all(person ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
            String aliasName = alias.text("ALIAS_NAME");
            if (aliasName == null) continue;
            String quality = alias.text("QUALITY");
            boolean weak = "Low".equalsIgnoreCase(quality);
            NameKind kind = "f.k.a.".equalsIgnoreCase(quality) ? NameKind.FORMER : NameKind.ALIAS;
            PackedNames.add(b, aliasName, kind, weak);
            String note = alias.text("NOTE");
            if (note != null) b.remark("Alias " + aliasName + ": " + note);
        }
        String listType = r.text("UN_LIST_TYPE");
        if (listType != null) b.program(REGIMES.getOrDefault(listType, "UN " + listType));
        String listedOn = r.text("LISTED_ON");
        if (listedOn != null) b.listedOn(Dates.isoDate(listedOn));
        b.gender(Gender.parse(r.text("GENDER")));
        for (String n : r.values("NATIONALITY", "VALUE")) Countries.toIso2(n).ifPresent(b::nationality);
        for (String t : r.values("TITLE", "VALUE")) b.remark("Title: " + t);
        for (String d : r.values("DESIGNATION", "VALUE")) b.remark("Designation: " + d);
        b.remark(r.text("COMMENTS1"));
        for (XmlNode dob : r.all("INDIVIDUAL_DATE_OF_BIRTH")) {
            BirthDate date = birthDate(dob);
            if (date != null) b.birthDate(date);
        }
        for (XmlNode pob : r.all("INDIVIDUAL_PLACE_OF_BIRTH")) {
            b.birthPlace(Text.joinNonBlank(", ", pob.text("CITY"), pob.text("STATE_PROVINCE"), pob.text("COUNTRY")));
        }
        // an alias may carry the birth date and place it was used with (the same person under another identity):
        // they are the person's dates too, as other lists give them, after the entry's own
        for (XmlNode alias : r.all("INDIVIDUAL_ALIAS")) {
            String born = alias.text("DATE_OF_BIRTH");
            if (born != null) b.birthDate(aliasBirthDate(alias.text("ALIAS_NAME"), born));
            b.birthPlace(Text.joinNonBlank(", ", alias.text("CITY_OF_BIRTH"), alias.text("COUNTRY_OF_BIRTH")));
        }
        for (XmlNode doc : r.all("INDIVIDUAL_DOCUMENT")) {
            String number = doc.text("NUMBER");
            if (number == null) continue;
            String label = Text.joinNonBlank(" / ", doc.text("TYPE_OF_DOCUMENT"), doc.text("TYPE_OF_DOCUMENT2"));
            IdentifierType type = IdentifierLabels.typeOf(doc.text("TYPE_OF_DOCUMENT"));
            String country = doc.text("ISSUING_COUNTRY");
            if (country == null) country = doc.text("COUNTRY_OF_ISSUE");
            b.identifier(new Identifier(type == null ? IdentifierType.OTHER : type, label, number,
                    country == null ? null : Countries.toIso2(country).orElse(null)));
        }
        for (XmlNode a : r.all(person ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
            String country = a.text("COUNTRY");
            b.address(new Address(a.text("STREET"), a.text("CITY"), a.text("STATE_PROVINCE"), a.text("ZIP_CODE"),
                    country == null ? null : Countries.toIso2(country).orElse(null), country));
        }
        return b.build();
    }

    /** An alias's DATE_OF_BIRTH: a day, a month or a year, with no type of date given (so not approximate). */
    private static BirthDate aliasBirthDate(String alias, String value) {
        try {
            return new BirthDate(PartialDate.parse(value.length() > 10 ? value.substring(0, 10) : value), null, false);
        } catch (IllegalArgumentException e) {
            String which = alias == null ? "an INDIVIDUAL_ALIAS" : "INDIVIDUAL_ALIAS '" + alias + "'";
            throw new IllegalArgumentException(which + " DATE_OF_BIRTH: " + e.getMessage());
        }
    }

    private static BirthDate birthDate(XmlNode dob) {
        String type = dob.text("TYPE_OF_DATE");
        boolean circa = "APPROXIMATELY".equalsIgnoreCase(type);
        String date = dob.text("DATE");
        String year = dob.text("YEAR");
        String from = dob.text("FROM_YEAR");
        String to = dob.text("TO_YEAR");
        if (date != null) return new BirthDate(PartialDate.of(Dates.isoDate(date)), null, circa);
        if (year != null) return new BirthDate(PartialDate.parse(year), null, circa);
        if (from != null && to != null) {
            return new BirthDate(PartialDate.parse(from), PartialDate.parse(to), circa);
        }
        if (from != null || to != null) return new BirthDate(PartialDate.parse(from != null ? from : to), null, true);
        return null;
    }
}
