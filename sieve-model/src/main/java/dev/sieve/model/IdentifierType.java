package dev.sieve.model;

/** Kinds of identifier the lists publish; screening treats exact matches on these as decisive. */
public enum IdentifierType {
    PASSPORT,
    NATIONAL_ID,
    TAX_ID,
    REGISTRATION,
    IMO,
    MMSI,
    CALL_SIGN,
    BIC,
    AIRCRAFT,
    EMAIL,
    WEBSITE,
    CRYPTO_WALLET,
    OTHER;

    /** The FollowTheMoney properties that hold identifiers, and the kind each holds (FtM files and yente queries). */
    public static final java.util.Map<String, IdentifierType> FTM_PROPERTIES = java.util.Map.ofEntries(
            java.util.Map.entry("idNumber", NATIONAL_ID), java.util.Map.entry("passportNumber", PASSPORT),
            java.util.Map.entry("taxNumber", TAX_ID), java.util.Map.entry("innCode", TAX_ID), java.util.Map.entry("vatCode", TAX_ID),
            java.util.Map.entry("registrationNumber", REGISTRATION), java.util.Map.entry("ogrnCode", REGISTRATION),
            java.util.Map.entry("leiCode", REGISTRATION), java.util.Map.entry("imoNumber", IMO), java.util.Map.entry("mmsi", MMSI),
            java.util.Map.entry("callSign", CALL_SIGN), java.util.Map.entry("swiftBic", BIC), java.util.Map.entry("bicCode", BIC),
            java.util.Map.entry("email", EMAIL), java.util.Map.entry("website", WEBSITE));
}
