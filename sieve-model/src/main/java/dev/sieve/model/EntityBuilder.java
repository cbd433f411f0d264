package dev.sieve.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the parts of an entity while a reader walks a record; {@link #build()} yields the
 * immutable {@link Entity}. Duplicates (the same alias twice, the same nationality twice) are dropped,
 * first occurrence wins, so readers need not check.
 */
public final class EntityBuilder {
    private final String id;
    private final String source;
    private Schema schema;
    private final Set<Name> names = new LinkedHashSet<>();
    private Gender gender;
    private final Set<BirthDate> birthDates = new LinkedHashSet<>();
    private final Set<String> birthPlaces = new LinkedHashSet<>();
    private final Set<String> nationalities = new LinkedHashSet<>();
    private final Set<String> citizenships = new LinkedHashSet<>();
    private final Set<Identifier> identifiers = new LinkedHashSet<>();
    private final Set<Address> addresses = new LinkedHashSet<>();
    private final Set<String> programs = new LinkedHashSet<>();
    private LocalDate listedOn;
    private final List<String> remarks = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    private final List<String> referents = new ArrayList<>();

    EntityBuilder(String id, String source, Schema schema) {
        this.id = id;
        this.source = source;
        this.schema = schema;
    }

    public String id() {
        return id;
    }

    public EntityBuilder schema(Schema schema) {
        this.schema = schema;
        return this;
    }

    public EntityBuilder name(Name name) {
        if (name.kind() == NameKind.PRIMARY && names.stream().anyMatch(n -> n.kind() == NameKind.PRIMARY)) {
            name = new Name(name.value(), NameKind.ALIAS, name.weak(), name.originalScript());
        }
        Name candidate = name;
        // The same text as a strong or primary name makes a weaker duplicate redundant.
        Name same = names.stream().filter(n -> n.value().equals(candidate.value())).findFirst().orElse(null);
        if (same == null) {
            names.add(candidate);
        } else if (candidate.kind() == NameKind.PRIMARY || same.weak() && !candidate.weak()) {
            // the primary name (or a strong one) came after the same text as an alias: it takes the alias's place
            List<Name> kept = new ArrayList<>(names);
            kept.set(kept.indexOf(same), new Name(same.value(), candidate.kind() == NameKind.PRIMARY ? NameKind.PRIMARY
                    : same.kind(), false, same.originalScript() && candidate.originalScript()));
            names.clear();
            names.addAll(kept);
        }
        return this;
    }

    public EntityBuilder primaryName(String value) {
        return isBlank(value) ? this : name(Name.primary(value));
    }

    public EntityBuilder alias(String value, boolean weak) {
        return isBlank(value) ? this : name(Name.alias(value, weak));
    }

    public boolean hasNames() {
        return !names.isEmpty();
    }

    public EntityBuilder gender(Gender gender) {
        if (gender != null) {
            this.gender = gender;
        }
        return this;
    }

    public EntityBuilder birthDate(BirthDate date) {
        birthDates.add(date);
        return this;
    }

    public EntityBuilder birthPlace(String place) {
        if (!isBlank(place)) birthPlaces.add(place.strip());
        return this;
    }

    public EntityBuilder nationality(String iso2) {
        if (!isBlank(iso2)) nationalities.add(iso2);
        return this;
    }

    public EntityBuilder citizenship(String iso2) {
        if (!isBlank(iso2)) citizenships.add(iso2);
        return this;
    }

    public EntityBuilder identifier(Identifier identifier) {
        identifiers.add(identifier);
        return this;
    }

    public EntityBuilder address(Address address) {
        if (!address.isEmpty()) addresses.add(address);
        return this;
    }

    public EntityBuilder program(String program) {
        if (!isBlank(program)) programs.add(program.strip());
        return this;
    }

    public EntityBuilder listedOn(LocalDate date) {
        if (date != null && (listedOn == null || date.isBefore(listedOn))) {
            listedOn = date;
        }
        return this;
    }

    /** A topic the source gives this entity ({@code sanction}, {@code role.pep}...); duplicates are dropped. */
    public EntityBuilder topic(String topic) {
        if (!isBlank(topic) && !topics.contains(topic.strip())) topics.add(topic.strip());
        return this;
    }

    /** An id of the same party in another dataset, as the source gives it (FollowTheMoney referents). */
    public EntityBuilder referent(String referent) {
        if (!isBlank(referent) && !referents.contains(referent.strip())) referents.add(referent.strip());
        return this;
    }

    public boolean hasTopics() {
        return !topics.isEmpty();
    }

    public EntityBuilder remark(String remark) {
        if (!isBlank(remark)) remarks.add(remark.strip());
        return this;
    }

    public Entity build() {
        List<Name> ordered = new ArrayList<>(names);
        // Primary name first, whatever order the source gave them in.
        ordered.sort((a, b) -> Boolean.compare(b.kind() == NameKind.PRIMARY, a.kind() == NameKind.PRIMARY));
        return new Entity(id, source, schema, ordered, gender, List.copyOf(birthDates), List.copyOf(birthPlaces),
                List.copyOf(nationalities), List.copyOf(citizenships), List.copyOf(identifiers),
                List.copyOf(addresses), List.copyOf(programs), listedOn, remarks, topics, referents);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
