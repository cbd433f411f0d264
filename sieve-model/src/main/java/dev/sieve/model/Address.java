package dev.sieve.model;

/**
 * A published address; every part is optional, {@code country} is ISO 3166-1 alpha-2 when known
 * and {@code countryName} keeps what the list wrote.
 */
public record Address(String street, String city, String region, String postalCode, String country,
                      String countryName) {
    public Address {
        street = blankToNull(street);
        city = blankToNull(city);
        region = blankToNull(region);
        postalCode = blankToNull(postalCode);
        country = blankToNull(country);
        countryName = blankToNull(countryName);
    }

    public boolean isEmpty() {
        return street == null && city == null && region == null && postalCode == null && country == null
                && countryName == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
