package dev.sieve.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Sightings: recorded with their audit event in one transaction; read per entity in time order. */
public final class SightingStore {
    private static final String COLUMNS = "id, entity_id, agency_id, key_id, flight, from_airport, departure_at, to_airport,"
            + " arrival_at, document, traveller_name, note, recorded_at";

    private final DataSource dataSource;
    private final AuditLog audit;

    SightingStore(DataSource dataSource, AuditLog audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /** Records a sighting (the caller has checked that the actor may see the entity). */
    public Sighting record(Actor actor, String entityId, String flight, String from, LocalDateTime departure, String to,
                           LocalDateTime arrival, String document, String travellerName, String note) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return audit.transact((c, events) -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sighting (entity_id, agency_id, key_id, flight,"
                    + " from_airport, departure_at, to_airport, arrival_at, document, traveller_name, note, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                ps.setString(1, entityId);
                ps.setString(2, actor.agency());
                ps.setString(3, actor.keyId());
                ps.setString(4, flight);
                ps.setString(5, from);
                ps.setObject(6, departure);
                ps.setString(7, to);
                ps.setObject(8, arrival);
                ps.setString(9, document);
                ps.setString(10, travellerName);
                ps.setString(11, note);
                ps.setObject(12, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            Sighting s = new Sighting(id, entityId, actor.agency(), actor.keyId(), flight, from, departure, to, arrival,
                    document, travellerName, note, now);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("sighting", id);
            detail.put("flight", flight);
            detail.put("from", from);
            detail.put("departure", departure.toString());
            detail.put("to", to);
            if (document != null) detail.put("document", document);
            events.add(new AuditLog.Draft(actor, "sighting.record", entityId, EntityJson.write(detail)));
            return s;
        });
    }

    /** The sightings of an entity, in time order of departure. */
    public List<Sighting> of(String entityId) {
        return SieveStore.query(dataSource, "SELECT " + COLUMNS + " FROM sighting WHERE entity_id = ? ORDER BY departure_at, id",
                ps -> ps.setString(1, entityId), SightingStore::sighting);
    }

    private static Sighting sighting(ResultSet rs) throws SQLException {
        return new Sighting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, LocalDateTime.class), rs.getString(8), rs.getObject(9, LocalDateTime.class),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getObject(13, OffsetDateTime.class).toInstant());
    }
}
