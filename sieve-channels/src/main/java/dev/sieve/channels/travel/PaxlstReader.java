package dev.sieve.channels.travel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * UN/EDIFACT PAXLST (advance passenger information): the flight legs from TDT / LOC / DTM, each
 * traveller from NAD (FL passenger, FM crew) and the ATT, DTM, NAT, LOC, DOC segments after it. A
 * traveller whose segments are broken is kept with a problem (screened as far as possible, never
 * reported clear); a file that is not PAXLST is refused naming what it is.
 */
public final class PaxlstReader {
    private PaxlstReader() {
    }

    public static Manifest read(String name, String text) {
        List<Edifact.Segment> segments = Edifact.segments(text);
        Edifact.Segment unh = segments.stream().filter(s -> s.tag().equals("UNH")).findFirst()
                .orElseThrow(() -> new ManifestFormatException(name + ": no UNH segment; not an EDIFACT message"));
        String type = unh.get(2, 0);
        if (!type.equals("PAXLST")) {
            throw new ManifestFormatException(name + ": " + unh + " is a " + (type.isEmpty() ? "message of no type" : type)
                    + " message; only PAXLST manifests are screened");
        }
        List<Manifest.Leg> legs = new ArrayList<>();
        List<Manifest.Traveller> travellers = new ArrayList<>();
        LegBuilder leg = null;
        TravellerBuilder who = null;
        for (Edifact.Segment s : segments) {
            switch (s.tag()) {
                case "TDT" -> {
                    if (leg != null) legs.add(leg.build());
                    leg = new LegBuilder(s.get(2, 0));
                }
                case "NAD" -> {
                    String role = s.get(1, 0);
                    if (role.equals("FL") || role.equals("FM") || role.equals("DDU") || role.equals("DDT")) {
                        if (leg != null) {
                            legs.add(leg.build());
                            leg = null;
                        }
                        if (who != null) travellers.add(who.build());
                        who = new TravellerBuilder(role, s);
                    }
                }
                case "LOC" -> {
                    if (who != null) who.loc(s);
                    else if (leg != null) leg.loc(s);
                }
                case "DTM" -> {
                    if (who != null) who.dtm(s);
                    else if (leg != null) leg.dtm(s);
                }
                case "ATT" -> {
                    if (who != null && s.get(1, 0).equals("2")) who.sex = s.get(3, 0);
                }
                case "NAT" -> {
                    if (who != null) who.nationality = s.get(2, 0);
                }
                case "DOC" -> {
                    if (who != null) who.doc(s);
                }
                default -> {
                    // headers, references, contacts and trailers carry nothing to screen
                }
            }
        }
        if (leg != null) legs.add(leg.build());
        if (who != null) travellers.add(who.build());
        return new Manifest(unh.get(1, 0), legs, travellers);
    }

    private static final class LegBuilder {
        final String flight;
        String from;
        String to;
        LocalDateTime departure;
        LocalDateTime arrival;
        String lastLoc;

        LegBuilder(String flight) {
            this.flight = flight;
        }

        void loc(Edifact.Segment s) {
            String q = s.get(1, 0);
            String place = s.get(2, 0);
            if (q.equals("125") || q.equals("92") && from == null) {
                from = place;
                lastLoc = "from";
            } else if (q.equals("87") || q.equals("92")) {
                to = place;
                lastLoc = "to";
            }
        }

        void dtm(Edifact.Segment s) {
            LocalDateTime t = dateTime(s.get(1, 1));
            if (s.get(1, 0).equals("189")) departure = t;
            else if (s.get(1, 0).equals("232")) arrival = t;
        }

        Manifest.Leg build() {
            return new Manifest.Leg(flight, from, departure, to, arrival);
        }
    }

    private static final class TravellerBuilder {
        final String role;
        final int segment;
        final String surname;
        final String given;
        String sex;
        LocalDate birth;
        String nationality;
        String embarked;
        String debarked;
        final List<String[]> docs = new ArrayList<>(); // type, number, expiry, issuer
        final List<String> problems = new ArrayList<>();

        TravellerBuilder(String role, Edifact.Segment nad) {
            this.role = role;
            this.segment = nad.number();
            String surname = nad.get(4, 0);
            StringBuilder given = new StringBuilder();
            for (int c = 1; c < 4; c++) {
                String g = nad.get(4, c);
                if (!g.isBlank()) given.append(given.isEmpty() ? "" : " ").append(g.strip());
            }
            if (surname.isBlank()) problems.add(nad + ": the traveller has no surname");
            this.surname = surname.strip();
            this.given = given.toString();
        }

        void loc(Edifact.Segment s) {
            switch (s.get(1, 0)) {
                case "178" -> embarked = s.get(2, 0);
                case "179" -> debarked = s.get(2, 0);
                case "91" -> {
                    if (!docs.isEmpty()) docs.getLast()[3] = s.get(2, 0);
                }
                default -> {
                }
            }
        }

        void dtm(Edifact.Segment s) {
            String q = s.get(1, 0);
            String v = s.get(1, 1);
            if (q.equals("329")) {
                birth = TravelDates.yymmdd(v, true);
                if (birth == null) problems.add(s + ": the date of birth '" + v + "' is not a date (YYMMDD)");
            } else if (q.equals("36") && !docs.isEmpty()) {
                docs.getLast()[2] = v;
            }
        }

        void doc(Edifact.Segment s) {
            String number = s.get(2, 0);
            if (number.isBlank()) problems.add(s + ": the document has no number");
            docs.add(new String[] {s.get(1, 0), number, null, null});
        }

        Manifest.Traveller build() {
            List<Manifest.Document> documents = new ArrayList<>();
            for (String[] d : docs) documents.add(new Manifest.Document(d[0], d[1], TravelDates.yymmdd(d[2], false), d[3]));
            return new Manifest.Traveller(role, surname, given, sex == null || sex.isBlank() ? null : sex, birth,
                    nationality == null || nationality.isBlank() ? null : nationality, documents, embarked, debarked,
                    segment, problems.isEmpty() ? null : String.join("; ", problems));
        }
    }

    static LocalDateTime dateTime(String yymmddhhmm) {
        if (yymmddhhmm == null || !yymmddhhmm.matches("\\d{10}")) return null;
        LocalDate d = TravelDates.yymmdd(yymmddhhmm.substring(0, 6), false);
        if (d == null) return null;
        try {
            return d.atTime(Integer.parseInt(yymmddhhmm.substring(6, 8)), Integer.parseInt(yymmddhhmm.substring(8, 10)));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
