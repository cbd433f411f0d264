package dev.sieve.channels.travel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An advance passenger information manifest (PAXLST): its flight legs and travellers.
 *
 * @param reference the message reference (UNH)
 */
public record Manifest(String reference, List<Leg> legs, List<Traveller> travellers) {

    /** One flight leg: flight number, departure and arrival airports and local times. */
    public record Leg(String flight, String from, LocalDateTime departure, String to, LocalDateTime arrival) {
    }

    /** A travel document: type ({@code P} passport...), number, expiry, issuing country (ISO alpha-3 as sent). */
    public record Document(String type, String number, LocalDate expiry, String issuedBy) {
    }

    /**
     * A passenger ({@code FL}) or crew member ({@code FM}) as the manifest names them.
     *
     * @param nationality ISO alpha-3 as sent
     * @param segment the segment number of the traveller's NAD, to find it in the file
     * @param problem why this traveller cannot be screened in full, or null
     */
    public record Traveller(String role, String surname, String givenNames, String sex, LocalDate birthDate,
                            String nationality, List<Document> documents, String embarked, String debarked,
                            int segment, String problem) {
        public String fullName() {
            return givenNames.isEmpty() ? surname : givenNames + " " + surname;
        }
    }
}
