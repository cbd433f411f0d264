package dev.sieve.lists;

import dev.sieve.model.Address;
import dev.sieve.model.Countries;
import dev.sieve.model.Entity;
import dev.sieve.model.EntityBuilder;
import dev.sieve.model.Gender;
import dev.sieve.model.IdentifierType;
import dev.sieve.model.Name;
import dev.sieve.model.NameKind;
import dev.sieve.model.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * OFAC's XML ({@code sdnList} with {@code publshInformation} and {@code sdnEntry}), the layout of both
 * {@code sdn.xml} and the consolidated non-SDN list. Individuals' names are written "LAST, First" as
 * in the legacy CSV, so the two formats of one list give the same names.
 */
final class OfacXmlReader extends XmlListReader {
    @Override
    public ListFormat format() {
        return ListFormat.OFAC_XML;
    }

    @Override
    String rootName() {
        return "sdnList";
    }

    @Override
    String sourceFor(ListInput input) {
        return sourceFor(input.name());
    }

    @Override
    Instant publishedFromText(List<String> path, String text, String file) {
        if (path.size() != 3 || !path.get(2).equals("Publish_Date")) return null;
        try {
            var parts = text.split("/");
            return Dates.startOfDay(java.time.LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[0]),
                    Integer.parseInt(parts[1])));
        } catch (RuntimeException e) {
            throw new ListFormatException(file, "publshInformation/Publish_Date", "'" + text + "' is not a MM/DD/YYYY date");
        }
    }

    @Override
    boolean isRecord(List<String> path) {
        return path.size() == 2 && path.get(1).equals("sdnEntry");
    }

    @Override
    String idOf(XmlNode record, String source) {
        String uid = record.text("uid");
        return uid == null ? null : idPrefix(source) + uid;
    }

    @Override
    Entity map(XmlNode record, String source) {
        return entity(record, source);
    }

    /**
     * Ids name one listing: OFAC gives a party listed on both the SDN and a non-SDN list the same uid, so
     * the non-SDN listing is {@code us-ofac-cons:<uid>} beside the SDN's {@code us-ofac:<uid>} (a blocking
     * SDN listing is never hidden behind a non-SDN record of the same id); party links join the two.
     */
    static String idPrefix(String source) {
        return source.equals(CONSOLIDATED_SOURCE) ? CONSOLIDATED_SOURCE + ":" : OfacCsvReader.ID_PREFIX;
    }

    static final String CONSOLIDATED_SOURCE = "us-ofac-cons";

    /** The consolidated (non-SDN) list shares this layout; its usual file names say "cons". */
    static String sourceFor(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).contains("cons") ? CONSOLIDATED_SOURCE : "us-ofac-sdn";
    }

    private static Entity entity(XmlNode r, String source) {
        String uid = r.text("uid");
        if (uid == null || !uid.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("uid '" + uid + "' is not a number");
        }
        String type = r.text("sdnType");
        Schema schema = switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "individual" -> Schema.PERSON;
            case "entity" -> Schema.ORGANIZATION;
            case "vessel" -> Schema.VESSEL;
            case "aircraft" -> Schema.AIRPLANE;
            default -> throw new IllegalArgumentException("unknown sdnType '" + type + "'");
        };
        EntityBuilder b = Entity.builder(idPrefix(source) + uid, source, schema);
        String name = name(r.text("lastName"), r.text("firstName"));
        if (name == null) throw new IllegalArgumentException("lastName is missing");
        PackedNames.add(b, name, NameKind.PRIMARY, false);
        for (String p : r.values("programList", "program")) b.program(p);
        String title = r.text("title");
        if (title != null) b.remark("Title: " + title);
        XmlNode akaList = r.child("akaList");
        if (akaList != null) {
            for (XmlNode aka : akaList.all("aka")) {
                String alias = name(aka.text("lastName"), aka.text("firstName"));
                if (alias == null) continue;
                NameKind kind = "f.k.a.".equalsIgnoreCase(aka.text("type")) ? NameKind.FORMER : NameKind.ALIAS;
                PackedNames.add(b, alias, kind, "weak".equalsIgnoreCase(aka.text("category")));
            }
        }
        XmlNode idList = r.child("idList");
        if (idList != null) {
            for (XmlNode id : idList.all("id")) {
                String idType = id.text("idType");
                String number = id.text("idNumber");
                if (idType == null || number == null) continue;
                if (idType.equalsIgnoreCase("Gender")) {
                    b.gender(Gender.parse(number));
                    continue;
                }
                IdentifierType t = IdentifierLabels.typeOf(idType);
                if (t == null) {
                    b.remark(idType + " " + number);
                    continue;
                }
                String country = id.text("idCountry");
                OfacRemarks.identifier(t, idType, number + (country != null ? " (" + country + ")" : ""), b);
            }
        }
        XmlNode dobs = r.child("dateOfBirthList");
        if (dobs != null) {
            for (XmlNode item : dobs.all("dateOfBirthItem")) {
                String dob = item.text("dateOfBirth");
                if (dob != null) b.birthDate(Dates.ofacBirthDate(dob));
            }
        }
        XmlNode pobs = r.child("placeOfBirthList");
        if (pobs != null) {
            for (XmlNode item : pobs.all("placeOfBirthItem")) b.birthPlace(item.text("placeOfBirth"));
        }
        XmlNode nats = r.child("nationalityList");
        if (nats != null) {
            for (XmlNode n : nats.all("nationality")) Countries.toIso2(n.text("country")).ifPresent(b::nationality);
        }
        XmlNode cits = r.child("citizenshipList");
        if (cits != null) {
            for (XmlNode c : cits.all("citizenship")) Countries.toIso2(c.text("country")).ifPresent(b::citizenship);
        }
        XmlNode addresses = r.child("addressList");
        if (addresses != null) {
            for (XmlNode a : addresses.all("address")) {
                String country = a.text("country");
                b.address(new Address(Text.joinNonBlank(", ", a.text("address1"), a.text("address2"),
                        a.text("address3")), a.text("city"), a.text("stateOrProvince"), a.text("postalCode"),
                        country == null ? null : Countries.toIso2(country).orElse(null), country));
            }
        }
        XmlNode vessel = r.child("vesselInfo");
        if (vessel != null) {
            String callSign = vessel.text("callSign");
            if (callSign != null) OfacRemarks.identifier(IdentifierType.CALL_SIGN, "Call Sign", callSign, b);
            String flag = vessel.text("vesselFlag");
            if (flag != null) Countries.toIso2(flag).ifPresent(b::nationality);
            String vt = vessel.text("vesselType");
            if (vt != null) b.remark("Vessel type: " + vt);
            String owner = vessel.text("vesselOwner");
            if (owner != null) b.remark("Vessel owner: " + owner);
        }
        String remarks = r.text("remarks");
        if (remarks != null) {
            b.remark(remarks);
            OfacRemarks.apply(remarks, b);
        }
        return b.build();
    }

    private static String name(String last, String first) {
        if (last == null) return first;
        return first == null ? last : last + ", " + first;
    }
}
