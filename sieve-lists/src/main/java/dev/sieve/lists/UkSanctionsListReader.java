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
import dev.sieve.model.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The FCDO's UK Sanctions List XML ({@code Designations} with one {@code Designation} per designated person, entity or
 * ship), the UK's one official list since 28 January 2026. Ids are {@code uk:<UniqueID>} (e.g. {@code uk:RUS0250});
 * the legacy OFSI group id and the UN reference of a UN-mirrored designation are kept as remarks in the forms the
 * party rules read ("OFSI Group ID: 8750", "UN Ref QDi.192"). The publication date is the file's {@code DateGenerated}.
 * Dates in the list are {@code dd/mm/yyyy}, with {@code dd} or {@code mm} where the day or month is not known.
 */
final class UkSanctionsListReader extends XmlListReader {
    static final String SOURCE = ListFormat.UK_SANCTIONS_XML.defaultSource();

    @Override
    public ListFormat format() {
        return ListFormat.UK_SANCTIONS_XML;
    }

    @Override
    String rootName() {
        return "Designations";
    }

    @Override
    Instant publishedFromText(List<String> path, String text, String file) {
        if (path.size() != 2 || !path.get(1).equals("DateGenerated") || text.isBlank()) return null;
        String t = text.strip();
        try {
            return t.matches("\\d{2}/\\d{2}/\\d{4}") ? Dates.startOfDay(Dates.dayMonthYearFull(t)) : Dates.instant(t);
        } catch (IllegalArgumentException e) {
            throw new ListFormatException(file, "DateGenerated", "'" + t + "' is not a date (dd/mm/yyyy or ISO 8601)");
        }
    }

    @Override
    boolean isRecord(List<String> path) {
        return path.size() == 2 && path.get(1).equals("Designation");
    }

    @Override
    String idOf(XmlNode record, String source) {
        String id = record.text("UniqueID");
        return id == null ? null : "uk:" + id;
    }

    @Override
    Entity map(XmlNode r, String source) {
        String id = r.text("UniqueID");
        if (id == null) throw new IllegalArgumentException("UniqueID is missing");
        String kind = r.text("IndividualEntityShip");
        Schema schema = switch (kind == null ? "" : kind.toLowerCase(Locale.ROOT)) {
            case "individual" -> Schema.PERSON;
            case "entity" -> Schema.ORGANIZATION;
            case "ship" -> Schema.VESSEL;
            default -> throw new IllegalArgumentException("IndividualEntityShip '" + kind + "' is not Individual, Entity or Ship");
        };
        EntityBuilder b = Entity.builder("uk:" + id, SOURCE, schema);
        names(b, r);
        if (!b.hasNames()) throw new IllegalArgumentException("Names has no name");
        for (XmlNode n : children(r, "NonLatinNames", "NonLatinName")) {
            String text = n.text("NameNonLatinScript");
            if (text != null) b.name(Name.originalScript(text));
        }
        String group = r.text("OFSIGroupID");
        if (group != null) b.remark("OFSI Group ID: " + group);
        String un = r.text("UNReferenceNumber");
        if (un != null) b.remark("UN Ref " + un);
        String regime = r.text("RegimeName");
        if (regime != null) b.program(regime);
        String designated = r.text("DateDesignated");
        if (designated != null) b.listedOn(Dates.dayMonthYearFull(designated));
        String designationSource = r.text("DesignationSource");
        if (designationSource != null) b.remark("Designation source: " + designationSource);
        String imposed = r.text("SanctionsImposed");
        if (imposed != null) b.remark("Sanctions imposed: " + String.join(", ", imposed.split("\\s*\\|\\s*")));
        b.remark(r.text("OtherInformation"));
        String reasons = r.text("UKStatementofReasons");
        if (reasons != null) b.remark("UK statement of reasons: " + reasons);
        for (XmlNode a : children(r, "Addresses", "Address")) address(b, a);
        for (String phone : r.values("PhoneNumbers", "PhoneNumber")) b.remark("Phone: " + phone);
        for (String email : r.values("EmailAddresses", "EmailAddress")) {
            b.identifier(new Identifier(IdentifierType.EMAIL, "Email address", email, null));
        }
        for (String site : r.values("Websites", "Website")) b.identifier(new Identifier(IdentifierType.WEBSITE, "Website", site, null));
        for (XmlNode i : children(r, "IndividualDetails", "Individual")) individual(b, i);
        for (XmlNode e : children(r, "EntityDetails", "Entity")) organisation(b, e);
        for (XmlNode s : children(r, "ShipDetails", "Ship")) ship(b, s);
        return b.build();
    }

    /** Name1 to Name5 are given names, Name6 the family name (an entity's or ship's whole name). */
    private static void names(EntityBuilder b, XmlNode r) {
        List<XmlNode> names = children(r, "Names", "Name");
        // the primary name first, whatever the order in the file
        names.sort(java.util.Comparator.comparing((XmlNode n) -> !"primary name".equalsIgnoreCase(n.text("NameType"))));
        for (XmlNode n : names) {
            String whole = Text.joinNonBlank(" ", n.text("Name1"), n.text("Name2"), n.text("Name3"), n.text("Name4"),
                    n.text("Name5"), n.text("Name6"));
            if (whole == null) continue;
            String type = n.text("NameType");
            boolean primary = "primary name".equalsIgnoreCase(type) && !b.hasNames();
            String strength = n.text("AliasStrength");
            boolean weak = strength != null && strength.toLowerCase(Locale.ROOT).contains("low");
            PackedNames.add(b, whole, primary ? NameKind.PRIMARY : NameKind.ALIAS, weak);
        }
    }

    private static void individual(EntityBuilder b, XmlNode i) {
        for (String dob : i.values("DOBs", "DOB")) {
            // "dd/mm/1969": the year alone; "dd/08/1961": the year and month
            String digits = dob.replaceAll("(?i)\\bdd\\b", "00").replaceAll("(?i)\\bmm\\b", "00");
            b.birthDate(BirthDate.exact(Dates.dayMonthYear(digits)));
        }
        for (String n : i.values("Nationalities", "Nationality")) Countries.toIso2(n).ifPresent(b::nationality);
        for (String p : i.values("Positions", "Position")) b.remark("Position: " + p);
        for (XmlNode place : children(i, "BirthDetails", "Location")) {
            b.birthPlace(Text.joinNonBlank(", ", place.text("TownOfBirth"), place.text("CountryOfBirth")));
        }
        for (XmlNode p : children(i, "PassportDetails", "Passport")) {
            document(b, p.text("PassportNumber"), p.text("PassportAdditionalInformation"), IdentifierType.PASSPORT, "Passport");
        }
        for (XmlNode n : children(i, "NationalIdentifierDetails", "NationalIdentifier")) {
            document(b, n.text("NationalIdentifierNumber"), n.text("NationalIdentifierAdditionalInformation"),
                    IdentifierType.NATIONAL_ID, "National identifier");
        }
        for (String g : i.values("Genders", "Gender")) b.gender(Gender.parse(g));
    }

    private static void organisation(EntityBuilder b, XmlNode e) {
        for (String t : e.values("TypeOfEntities", "TypeOfEntity")) b.remark("Type of entity: " + t);
        for (String p : e.values("ParentCompanies", "ParentCompany")) b.remark("Parent company: " + p);
        for (String s : e.values("Subsidiaries", "Subsidiary")) b.remark("Subsidiary: " + s);
        for (String n : e.values("BusinessRegistrationNumbers", "BusinessRegistrationNumber")) {
            b.identifier(new Identifier(IdentifierType.REGISTRATION, "Business registration number", n, null));
        }
    }

    private static void ship(EntityBuilder b, XmlNode s) {
        for (String imo : s.values("IMONumbers", "IMONumber")) {
            String digits = imo.replaceAll("(?i)^IMO\\s*", "");
            b.identifier(new Identifier(IdentifierType.IMO, "IMO number", digits, null));
        }
        for (String f : s.values("CurrentBelievedFlagOfShips", "CurrentBelievedFlagOfShip")) b.remark("Flag: " + f);
        for (String f : s.values("PreviousFlags", "PreviousFlag")) b.remark("Previous flag: " + f);
        for (String o : s.values("CurrentOwnerOperators", "CurrentOwnerOperator")) b.remark("Owner or operator: " + o);
        for (String o : s.values("PreviousOwnerOperators", "PreviousOwnerOperator")) b.remark("Previous owner or operator: " + o);
        String type = s.text("TypeOfShip");
        if (type != null) b.remark("Type of ship: " + type);
        String tonnage = s.text("TonnageOfShip");
        if (tonnage != null) b.remark("Tonnage: " + tonnage);
        String built = s.text("YearBuilt");
        if (built != null) b.remark("Year built: " + built);
    }

    private static void address(EntityBuilder b, XmlNode a) {
        String country = a.text("AddressCountry");
        b.address(new Address(Text.joinNonBlank(", ", a.text("AddressLine1"), a.text("AddressLine2"), a.text("AddressLine3"),
                a.text("AddressLine4")), a.text("AddressLine5"), a.text("AddressLine6"), a.text("AddressPostalCode"),
                country == null ? null : Countries.toIso2(country).orElse(null), country));
    }

    /** A document number, with its free-text details kept as a remark (issuing country, dates). */
    private static void document(EntityBuilder b, String number, String details, IdentifierType type, String label) {
        if (number == null) return;
        b.identifier(new Identifier(type, label, number, null));
        if (details != null) b.remark(label + " " + number + ": " + details);
    }

    /** The children {@code <outer><inner/>...</outer>} of a node, in order. */
    private static List<XmlNode> children(XmlNode node, String outer, String inner) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode o : node.all(outer)) out.addAll(o.all(inner));
        return out;
    }
}
