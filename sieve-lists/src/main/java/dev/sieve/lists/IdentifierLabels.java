package dev.sieve.lists;

import dev.sieve.model.IdentifierType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the identifier labels the lists write ("Cedula No.", "Vessel Registration Identification",
 * "SWIFT/BIC") to identifier types. Longest label first, so "Passport" does not swallow "Diplomatic Passport".
 */
final class IdentifierLabels {
    private static final Map<String, IdentifierType> LABELS = new LinkedHashMap<>();

    static {
        put(IdentifierType.IMO, "Vessel Registration Identification IMO", "Vessel Registration Identification",
                "IMO Number", "IMO");
        put(IdentifierType.REGISTRATION, "Company Number IMO", "Registration Number", "Registration ID",
                "Company Number", "Commercial Registry Number", "Business Registration Number",
                "Business Registration Document #", "Matricula Mercantil No", "Folio Mercantil No.", "C.R. No.",
                "Trade License No.", "Chamber of Commerce Number", "Government Gazette Number",
                "Public Registration Number", "Certificate of Incorporation Number", "Legal Entity Number",
                "Unified Social Credit Code (USCC)", "Enterprise Number", "Business Number", "Registration",
                "regnumber", "registrationNumber", "ogrnCode", "leiCode", "License");
        put(IdentifierType.MMSI, "MMSI", "mmsi");
        put(IdentifierType.CALL_SIGN, "Call Sign", "callSign");
        put(IdentifierType.BIC, "SWIFT/BIC", "SWIFT BIC", "BIC", "swiftBic", "swiftbic");
        put(IdentifierType.AIRCRAFT, "Aircraft Tail Number", "Aircraft Manufacturer's Serial Number (MSN)",
                "Aircraft Construction Number (also called L/N or S/N or F/N)");
        put(IdentifierType.PASSPORT, "Diplomatic Passport", "Passport Number", "Passport No.", "Passport",
                "passportNumber", "passport");
        put(IdentifierType.TAX_ID, "Tax ID No.", "V.A.T. Number", "VAT Number", "RFC", "NIT #", "C.U.I.T.", "CUIT",
                "R.U.C. #", "RUC #", "Tax Identification Number", "taxNumber", "innCode", "vatCode", "fiscalcode",
                "INN", "TIN");
        put(IdentifierType.NATIONAL_ID, "National ID No.", "National Identification Number", "National ID",
                "Cedula No.", "D.N.I.", "Identification Number", "Personal ID Card", "National Foreign ID Number",
                "Residency Number", "SSN", "Citizen's Card Number", "Personal Identification Number",
                "Identity Card", "Identification Card", "idNumber", "nationalId", "id");
        put(IdentifierType.EMAIL, "Email Address", "email");
        put(IdentifierType.WEBSITE, "Website", "website");
        put(IdentifierType.CRYPTO_WALLET, "Digital Currency Address");
    }

    private static final java.util.Set<Character> FIRST_CHARS = new java.util.HashSet<>();

    static {
        for (String l : LABELS.keySet()) FIRST_CHARS.add(Character.toLowerCase(l.charAt(0)));
    }

    private IdentifierLabels() {
    }

    private static void put(IdentifierType type, String... labels) {
        for (String l : labels) LABELS.put(l, type);
    }

    /** Exact label (case-insensitive), or null. */
    static IdentifierType typeOf(String label) {
        if (label == null) return null;
        String l = label.strip();
        for (var e : LABELS.entrySet()) {
            if (e.getKey().equalsIgnoreCase(l)) return e.getValue();
        }
        String lower = l.toLowerCase(Locale.ROOT);
        if (lower.contains("passport")) return IdentifierType.PASSPORT;
        if (lower.contains("identi") || lower.contains("id card") || lower.contains("national id")) {
            return IdentifierType.NATIONAL_ID;
        }
        if (lower.contains("tax") || lower.contains("fiscal")) return IdentifierType.TAX_ID;
        if (lower.contains("registr")) return IdentifierType.REGISTRATION;
        return null;
    }

    /** The longest known label that {@code text} starts with (followed by a space), or null. */
    static String prefixLabel(String text) {
        String best = null;
        if (text.isEmpty() || !FIRST_CHARS.contains(Character.toLowerCase(text.charAt(0)))) return null;
        for (String l : LABELS.keySet()) {
            if (text.length() > l.length() && text.regionMatches(false, 0, l, 0, l.length())
                    && (text.charAt(l.length()) == ' ' || l.endsWith("-"))
                    && (best == null || l.length() > best.length())) {
                best = l;
            }
        }
        return best;
    }
}
