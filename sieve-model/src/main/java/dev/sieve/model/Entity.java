package dev.sieve.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One listed person, organisation, vessel or aircraft, in the one model every list maps into.
 *
 * <p>Ids are stable and source-native: {@code un:KPi.033}, {@code us-ofac:306}, {@code eu:<logicalId>},
 * {@code uk:<Group ID>}, {@code <dataset>:<id>} for FollowTheMoney. Which publication an entity came
 * from is tracked by the store ({@link StoredEntity}), since the same record recurs across publications.
 *
 * @param source the list this record comes from ({@code un}, {@code us-ofac-sdn}, ...)
 * @param names primary name first, then aliases; never empty
 * @param nationalities ISO 3166-1 alpha-2 codes
 * @param citizenships ISO 3166-1 alpha-2 codes
 * @param programs sanctions programmes / regimes, as the list names them
 * @param listedOn date of (first) designation when published
 * @param topics what the source says this entity is listed for (FollowTheMoney topics: {@code sanction},
 *               {@code role.pep}, {@code crime}...), empty when the source's kind says it ({@link Topics#of})
 * @param referents ids of the same party elsewhere, as the source gives them (FollowTheMoney
 *                  {@code referents}: {@code ofac-306}, {@code gb-hmt-7612}...); empty for official lists
 */
public record Entity(
        String id,
        String source,
        Schema schema,
        List<Name> names,
        Gender gender,
        List<BirthDate> birthDates,
        List<String> birthPlaces,
        List<String> nationalities,
        List<String> citizenships,
        List<Identifier> identifiers,
        List<Address> addresses,
        List<String> programs,
        LocalDate listedOn,
        List<String> remarks,
        List<String> topics,
        List<String> referents) {

    public Entity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(schema, "schema");
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("entity " + id + " has no name");
        }
        birthDates = List.copyOf(birthDates);
        birthPlaces = List.copyOf(birthPlaces);
        nationalities = List.copyOf(nationalities);
        citizenships = List.copyOf(citizenships);
        identifiers = List.copyOf(identifiers);
        addresses = List.copyOf(addresses);
        programs = List.copyOf(programs);
        remarks = List.copyOf(remarks);
        topics = topics == null ? List.of() : List.copyOf(topics);
        referents = referents == null ? List.of() : List.copyOf(referents);
    }

    /** An entity whose topics follow from its source (every official list). */
    public Entity(String id, String source, Schema schema, List<Name> names, Gender gender, List<BirthDate> birthDates,
                  List<String> birthPlaces, List<String> nationalities, List<String> citizenships,
                  List<Identifier> identifiers, List<Address> addresses, List<String> programs, LocalDate listedOn,
                  List<String> remarks) {
        this(id, source, schema, names, gender, birthDates, birthPlaces, nationalities, citizenships, identifiers,
                addresses, programs, listedOn, remarks, List.of(), List.of());
    }

    /** The name the entity is filed under. */
    public Name primaryName() {
        return names.stream().filter(n -> n.kind() == NameKind.PRIMARY).findFirst().orElse(names.getFirst());
    }

    public List<Name> aliases() {
        Name primary = primaryName();
        return names.stream().filter(n -> n != primary).toList();
    }

    /** The same record filed under another source. */
    public Entity withSource(String newSource) {
        return new Entity(id, newSource, schema, names, gender, birthDates, birthPlaces, nationalities, citizenships,
                identifiers, addresses, programs, listedOn, remarks, topics, referents);
    }

    public static EntityBuilder builder(String id, String source, Schema schema) {
        return new EntityBuilder(id, source, schema);
    }
}
