package dev.sieve.channels.payment;

import com.prowidesoftware.swift.io.RJEReader;
import com.prowidesoftware.swift.model.SwiftMessage;
import com.prowidesoftware.swift.model.field.Field;
import com.prowidesoftware.swift.model.mt.mt1xx.MT103;
import java.util.ArrayList;
import java.util.List;

/**
 * SWIFT MT103 messages, one or many (an RJE file separates them with {@code $} lines), each possibly
 * behind the ACK or NAK the network put in front of it, parsed by Prowide; the ordering customer (50A/F/K), beneficiary (59/59A/F), agents (52A, 56A, 57A) and free text
 * (70, 72) are read from the fields' lines. A message that does not parse, or is not an MT103, becomes
 * an unreadable payment: it is reported, never skipped.
 */
final class Mt103Reader {
    private Mt103Reader() {
    }

    static List<Payment> read(String name, String text) {
        List<Payment> out = new ArrayList<>();
        RJEReader reader = new RJEReader(text);
        int n = 0;
        while (reader.hasNext()) {
            String fin = reader.next();
            if (fin == null || fin.isBlank()) continue;
            n++;
            String where = name + " message " + n;
            try {
                out.add(payment(where, fin));
            } catch (RuntimeException e) {
                out.add(Payment.unreadable(where, "MT103", "not a readable SWIFT message: " + e.getMessage()));
            }
        }
        if (out.isEmpty()) throw new PaymentFormatException(name + ": no SWIFT message found");
        return out;
    }

    private static final java.util.regex.Pattern SERVICE_21 = java.util.regex.Pattern.compile(
            "^\\s*\\{1:F21[^}]*}\\{4:(\\{[^}]*})*}");
    private static final java.util.regex.Pattern ACK_CODE = java.util.regex.Pattern.compile("\\{451:([01])}");
    private static final java.util.regex.Pattern NAK_REASON = java.util.regex.Pattern.compile("\\{405:([^}]*)}");

    /**
     * A message as the network delivered it: an ACK or NAK (a service message 21 with field 451) may be
     * in front of the message it acknowledges; the message it wraps is the one screened.
     */
    static String unwrapAck(String fin, List<String> notes) {
        java.util.regex.Matcher m = SERVICE_21.matcher(fin);
        if (!m.find()) return fin;
        String service = m.group();
        java.util.regex.Matcher code = ACK_CODE.matcher(service);
        if (code.find() && code.group(1).equals("1")) {
            java.util.regex.Matcher reason = NAK_REASON.matcher(service);
            notes.add("the network refused it (NAK" + (reason.find() ? " " + reason.group(1) : "") + ")");
        }
        return fin.substring(m.end());
    }

    private static Payment payment(String where, String fin) {
        List<String> notes = new ArrayList<>();
        fin = unwrapAck(fin, notes);
        MT103 mt = MT103.parse(fin);
        SwiftMessage sm = mt == null ? null : mt.getSwiftMessage();
        if (sm == null || sm.getBlock4() == null) return Payment.unreadable(where, "MT103", "not a readable SWIFT message");
        if (!sm.isType(103)) return Payment.unreadable(where, "MT" + sm.getType(), "message type MT" + sm.getType() + " is not screened (MT103 only)");
        String ref = mt.getField20() == null ? null : mt.getField20().getValue().strip();
        String id = ref == null ? where : ref;
        List<Payment.Party> parties = new ArrayList<>();
        if (mt.getField50A() != null) parties.add(bicParty("50A", mt.getField50A()));
        if (mt.getField50F() != null) parties.add(structured("50F", mt.getField50F()));
        if (mt.getField50K() != null) parties.add(nameAndAddress("50K", mt.getField50K()));
        if (mt.getField52A() != null) parties.add(bicParty("52A", mt.getField52A()));
        if (mt.getField56A() != null) parties.add(bicParty("56A", mt.getField56A()));
        if (mt.getField57A() != null) parties.add(bicParty("57A", mt.getField57A()));
        if (mt.getField59() != null) parties.add(nameAndAddress("59", mt.getField59()));
        if (mt.getField59A() != null) parties.add(bicParty("59A", mt.getField59A()));
        if (mt.getField59F() != null) parties.add(structured("59F", mt.getField59F()));
        List<Payment.Text> texts = new ArrayList<>();
        if (mt.getField70() != null) texts.add(new Payment.Text("70", joined(mt.getField70())));
        if (mt.getField72() != null) texts.add(new Payment.Text("72", joined(mt.getField72()).replaceAll("/[A-Z0-9]{2,8}/", " ").strip()));
        String problem = notes.isEmpty() ? null : String.join("; ", notes);
        if (parties.stream().noneMatch(p -> p.role().startsWith("50"))) problem = "field 50a (ordering customer) is missing";
        else if (parties.stream().noneMatch(p -> p.role().startsWith("59"))) problem = "field 59a (beneficiary) is missing";
        return new Payment(id, "MT103", ref, parties, texts, problem, amount(mt));
    }

    /** Field 32A: value date (YYMMDD), currency, amount with a decimal comma; null parts where unreadable. */
    private static Payment.Amount amount(MT103 mt) {
        if (mt.getField32A() == null) return Payment.Amount.UNKNOWN;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{6})([A-Z]{3})([0-9]+(?:,[0-9]*)?)")
                .matcher(mt.getField32A().getValue().strip());
        if (!m.matches()) return Payment.Amount.UNKNOWN;
        java.time.LocalDate date;
        try {
            date = java.time.LocalDate.parse("20" + m.group(1), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        } catch (java.time.format.DateTimeParseException e) {
            date = null;
        }
        String amount = m.group(3).replace(',', '.');
        return new Payment.Amount(date, m.group(2), new java.math.BigDecimal(amount.endsWith(".") ? amount + "0" : amount));
    }

    private static List<String> lines(Field f) {
        List<String> out = new ArrayList<>();
        for (String l : f.getValue().split("\\R")) if (!l.isBlank()) out.add(l.strip());
        return out;
    }

    /** Optional "/account" line, then name, then address lines (50K, 59). */
    private static Payment.Party nameAndAddress(String role, Field f) {
        List<String> ls = lines(f);
        if (!ls.isEmpty() && ls.getFirst().startsWith("/")) ls.removeFirst();
        String name = ls.isEmpty() ? null : ls.removeFirst();
        return new Payment.Party(role, name, null, null, ls);
    }

    /** Optional "/party identifier" line, then the BIC (50A, 52A, 56A, 57A, 59A). */
    private static Payment.Party bicParty(String role, Field f) {
        List<String> ls = lines(f);
        String bic = ls.isEmpty() ? null : ls.getLast();
        return new Payment.Party(role, null, bic, null, List.of());
    }

    /** Structured name and address: "1/NAME", "2/ADDRESS", "3/CC/TOWN" (50F, 59F). */
    private static Payment.Party structured(String role, Field f) {
        StringBuilder name = new StringBuilder();
        List<String> address = new ArrayList<>();
        String country = null;
        for (String l : lines(f)) {
            if (l.startsWith("1/")) name.append(name.isEmpty() ? "" : " ").append(l.substring(2).strip());
            else if (l.startsWith("2/")) address.add(l.substring(2).strip());
            else if (l.startsWith("3/")) {
                String rest = l.substring(2).strip();
                if (rest.length() >= 2) country = rest.substring(0, 2);
                address.add(rest);
            }
        }
        return new Payment.Party(role, name.isEmpty() ? null : name.toString(), null, country, address);
    }

    private static String joined(Field f) {
        return String.join(" ", lines(f));
    }
}
