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
    OTHER
}
