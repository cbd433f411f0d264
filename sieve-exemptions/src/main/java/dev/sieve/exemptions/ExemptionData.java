package dev.sieve.exemptions;

import dev.sieve.model.Sharing;
import dev.sieve.regimes.RegimeCatalogue;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** An exemption as an agency records it, before it is checked and stored. */
public record ExemptionData(String issuer, String reference, List<String> regimes, List<String> entities,
                            List<String> counterparties, String purpose, BigDecimal amountLimit, String currency,
                            LocalDate validFrom, LocalDate validTo, String documentUrl, Sharing sharing) {
    public ExemptionData {
        regimes = regimes == null ? List.of() : List.copyOf(regimes);
        entities = entities == null ? List.of() : List.copyOf(entities);
        counterparties = counterparties == null ? List.of() : List.copyOf(counterparties);
        sharing = sharing == null ? Sharing.PRIVATE : sharing;
    }

    /**
     * Checks it against the catalogue of regimes and the entities that exist.
     *
     * @throws ExemptionException naming the first field at fault
     */
    void check(RegimeCatalogue catalogue, Predicate<String> entityExists) {
        required("issuer", issuer, 200);
        required("reference", reference, 200);
        if (validFrom == null) throw new ExemptionException("valid_from", "field 'valid_from' is required (YYYY-MM-DD)");
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new ExemptionException("valid_to", "field 'valid_to' (" + validTo + ") is before 'valid_from' (" + validFrom + ")");
        }
        if (regimes.isEmpty() && entities.isEmpty()) {
            throw new ExemptionException("entities", "name the listed entities it covers ('entities'), the regimes it is granted"
                    + " under ('regimes'), or both");
        }
        for (String r : regimes) {
            if (catalogue.regime(r).isEmpty()) {
                throw new ExemptionException("regimes", "field 'regimes': no regime '" + r + "' (see GET /v1/regimes)");
            }
        }
        for (String e : entities) {
            if (!entityExists.test(e)) {
                throw new ExemptionException("entities", "field 'entities': no listed entity or databank entry '" + e + "'");
            }
        }
        for (String c : counterparties) {
            if (c == null || c.isBlank()) throw new ExemptionException("counterparties", "field 'counterparties' holds an empty name");
        }
        if (amountLimit != null) {
            if (amountLimit.signum() <= 0) throw new ExemptionException("amount_limit", "field 'amount_limit' must be positive");
            if (currency == null || !currency.matches("[A-Z]{3}")) {
                throw new ExemptionException("currency", "field 'currency' must be an ISO 4217 code (USD, EUR...) with 'amount_limit'");
            }
        }
        if (purpose != null && purpose.length() > 4000) throw new ExemptionException("purpose", "field 'purpose' is over 4,000 characters");
        if (documentUrl != null) {
            String scheme;
            try {
                scheme = URI.create(documentUrl).getScheme();
            } catch (IllegalArgumentException ex) {
                scheme = null;
            }
            if (scheme == null || !List.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT))) {
                throw new ExemptionException("document_url", "field 'document_url' must be an http(s) URL");
            }
        }
    }

    private static void required(String field, String value, int max) {
        if (value == null || value.isBlank()) throw new ExemptionException(field, "field '" + field + "' is required");
        if (value.length() > max) throw new ExemptionException(field, "field '" + field + "' is over " + max + " characters");
    }
}
