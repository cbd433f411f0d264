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
import java.util.Locale;

/**
 * The EU consolidated financial sanctions file, XML 1.1 ({@code export} with {@code sanctionEntity}),
 * written from its published schema: most values are attributes. Ids are {@code eu:<logicalId>}.
 */
final class EuFsfXmlReader extends XmlListReader {
    static final String SOURCE = ListFormat.EU_FSF_XML.defaultSource();

    @Override
    public ListFormat format() {
        return ListFormat.EU_FSF_XML;
    }

    @Override
    String rootName() {
        return "export";
    }

    @Override
    Instant publishedFromRoot(XmlNode root, String file) {
        String generated = root.attr("generationDate");
        if (generated == null) return null;
        try {
            return Dates.instant(generated);
        } catch (IllegalArgumentException e) {
            throw new ListFormatException(file, "line " + root.line(), "generationDate '" + generated + "' is not a date");
        }
    }

    @Override
    boolean isRecord(List<String> path) {
        return path.size() == 2 && path.get(1).equals("sanctionEntity");
    }

    @Override
    String idOf(XmlNode record, String source) {
        String id = record.attr("logicalId");
        return id == null ? null : "eu:" + id;
    }

    @Override
    Entity map(XmlNode record, String source) {
        return entity(record);
    }

    private static Entity entity(XmlNode r) {
        String id = r.attr("logicalId");
        if (id == null) throw new IllegalArgumentException("logicalId is missing");
        XmlNode subject = r.child("subjectType");
        String code = subject == null ? null : subject.attr("code");
        Schema schema = switch (code == null ? "" : code.toLowerCase(Locale.ROOT)) {
            case "person" -> Schema.PERSON;
            case "enterprise", "organisation", "organization", "entity" -> Schema.ORGANIZATION;
            case "vessel" -> Schema.VESSEL;
            case "aircraft" -> Schema.AIRPLANE;
            default -> throw new IllegalArgumentException("subjectType code '" + code + "' is not person or enterprise");
        };
        EntityBuilder b = Entity.builder("eu:" + id, SOURCE, schema);
        for (XmlNode alias : r.all("nameAlias")) {
            String whole = alias.attr("wholeName");
            if (whole == null) {
                whole = Text.joinNonBlank(" ", alias.attr("firstName"), alias.attr("middleName"), alias.attr("lastName"));
            }
            if (whole == null) continue;
            boolean weak = "false".equalsIgnoreCase(alias.attr("strong"));
            PackedNames.add(b, whole, b.hasNames() ? NameKind.ALIAS : NameKind.PRIMARY, weak);
            b.gender(Gender.parse(alias.attr("gender")));
            if (alias.attr("title") != null) b.remark("Title: " + alias.attr("title"));
            if (alias.attr("function") != null) b.remark("Function: " + alias.attr("function"));
        }
        if (!b.hasNames()) throw new IllegalArgumentException("no nameAlias with a name");
        String eu = r.attr("euReferenceNumber");
        if (eu != null) b.remark("EU reference number: " + eu);
        String un = r.attr("unitedNationId");
        if (un != null) b.remark("UN id: " + un);
        if (r.attr("designationDate") != null) b.listedOn(Dates.isoDate(r.attr("designationDate")));
        for (XmlNode reg : r.all("regulation")) {
            b.program(reg.attr("programme"));
            if (reg.attr("publicationDate") != null) b.listedOn(Dates.isoDate(reg.attr("publicationDate")));
        }
        for (XmlNode c : r.all("citizenship")) {
            String iso = c.attr("countryIso2Code");
            if (iso != null && Countries.isIso2(iso)) b.nationality(iso.toUpperCase(Locale.ROOT));
        }
        for (XmlNode d : r.all("birthdate")) {
            boolean circa = "true".equalsIgnoreCase(d.attr("circa"));
            PartialDate date = null;
            if (d.attr("birthdate") != null) {
                date = PartialDate.of(Dates.isoDate(d.attr("birthdate")));
            } else if (d.attr("year") != null) {
                int year = Integer.parseInt(d.attr("year"));
                Integer month = d.attr("monthOfYear") == null ? null : Integer.valueOf(d.attr("monthOfYear"));
                Integer day = month == null || d.attr("dayOfMonth") == null ? null : Integer.valueOf(d.attr("dayOfMonth"));
                date = new PartialDate(year, month, day);
            }
            if (date != null) b.birthDate(new BirthDate(date, null, circa));
            b.birthPlace(Text.joinNonBlank(", ", d.attr("city"), d.attr("place"), d.attr("countryDescription")));
        }
        for (XmlNode ident : r.all("identification")) {
            String number = ident.attr("number");
            if (number == null) number = ident.attr("latinNumber");
            if (number == null) continue;
            String typeCode = ident.attr("identificationTypeCode");
            IdentifierType type = IdentifierLabels.typeOf(typeCode);
            String label = ident.attr("identificationTypeDescription");
            String iso = ident.attr("countryIso2Code");
            b.identifier(new Identifier(type == null ? IdentifierType.OTHER : type, label != null ? label : typeCode,
                    number, iso != null && Countries.isIso2(iso) ? iso.toUpperCase(Locale.ROOT) : null));
        }
        for (XmlNode a : r.all("address")) {
            String iso = a.attr("countryIso2Code");
            b.address(new Address(Text.joinNonBlank(", ", a.attr("street"), a.attr("poBox")), a.attr("city"),
                    a.attr("region"), a.attr("zipCode"),
                    iso != null && Countries.isIso2(iso) ? iso.toUpperCase(Locale.ROOT) : null,
                    a.attr("countryDescription")));
        }
        for (XmlNode remark : r.all("remark")) b.remark(remark.textOrNull());
        return b.build();
    }
}
