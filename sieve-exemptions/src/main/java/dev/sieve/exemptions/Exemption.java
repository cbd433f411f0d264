package dev.sieve.exemptions;

import dev.sieve.model.Sharing;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * An exemption or licence an agency relies on: who issued it (a UN committee, OFAC, an EU member state, OFSI), its
 * reference, which regimes and/or listed entities it covers, for which counterparties and purpose, up to which amount,
 * and when it is valid.
 *
 * @param regimes  the regimes it is granted under (empty: any regime of the entities it names)
 * @param entities the listed entities it covers (empty: every entity of its regimes)
 * @param counterparties the parties it allows dealings with (empty: any); a payment must name one of them
 * @param purpose  what it allows; a payment relies on an exemption with a purpose only by citing its reference
 * @param validTo  the last day it is valid (null: until revoked)
 */
public record Exemption(String id, String agency, String reference, String issuer, List<String> regimes, List<String> entities,
                        List<String> counterparties, String purpose, BigDecimal amountLimit, String currency, LocalDate validFrom,
                        LocalDate validTo, String documentUrl, Sharing sharing, String createdBy, Instant createdAt,
                        String revokedBy, Instant revokedAt, String revokeReason) {
    public Exemption {
        regimes = List.copyOf(regimes);
        entities = List.copyOf(entities);
        counterparties = List.copyOf(counterparties);
    }

    /** Whether it is valid on {@code day}: within its dates and not revoked by then. */
    public boolean validOn(LocalDate day) {
        if (day.isBefore(validFrom) || validTo != null && day.isAfter(validTo)) return false;
        return revokedAt == null || day.isBefore(revokedAt.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** Whether a screening made now may rely on it for {@code day}: not revoked, whatever the day, and valid then. */
    public boolean usableFor(LocalDate day) {
        return revokedAt == null && validOn(day);
    }

    /** Whether it covers a listed entity, given the regimes the entity is listed under. */
    public boolean covers(String entityId, Collection<String> entityRegimes) {
        if (!entities.isEmpty() && !entities.contains(entityId)) return false;
        return regimes.isEmpty() || entityRegimes.stream().anyMatch(regimes::contains);
    }

    /** Whether {@code viewer} may rely on it: its own agency's, or shared with the viewer. */
    public boolean visibleTo(String viewer) {
        return sharing.visibleTo(agency, viewer);
    }

    /** "reference (issuer), valid from ... to ...": how answers name it. */
    public String describe() {
        return reference + " (" + issuer + "), valid " + validFrom + (validTo == null ? " until revoked" : " to " + validTo)
                + (revokedAt == null ? "" : ", revoked " + revokedAt.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
