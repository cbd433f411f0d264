package dev.sieve.channels.payment;

import com.prowidesoftware.swift.model.MxNode;
import java.util.ArrayList;
import java.util.List;

/**
 * ISO 20022 customer credit transfers, read with Prowide's generic {@link MxNode} tree so that every
 * version (pacs.008.001.01 to .13, pain.001.001.03 to .12) reads the same: one {@link Payment} per
 * {@code CdtTrfTxInf}, with the debtor side of a pain.001 taken from its {@code PmtInf}.
 */
final class Iso20022Reader {
    private static final String[] PARTIES = {"UltmtDbtr", "Dbtr", "Cdtr", "UltmtCdtr", "InitgPty"};
    private static final String[] AGENTS = {"DbtrAgt", "CdtrAgt", "IntrmyAgt1", "IntrmyAgt2", "IntrmyAgt3",
            "InstgAgt", "InstdAgt", "PrvsInstgAgt1"};

    private Iso20022Reader() {
    }

    /** Checks the XML first, so a broken message is named by its line and column, not by a stack trace. */
    private static void wellFormed(String name, String xml) {
        try {
            javax.xml.parsers.SAXParserFactory f = javax.xml.parsers.SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            javax.xml.parsers.SAXParser parser = f.newSAXParser();
            org.xml.sax.XMLReader reader = parser.getXMLReader();
            reader.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // no "[Fatal Error]" on stderr
            reader.parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
        } catch (org.xml.sax.SAXParseException e) {
            throw new PaymentFormatException(name + ": not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage() + (xml.length() < 200 || e.getMessage().contains("end within")
                    ? " (truncated?)" : ""));
        } catch (org.xml.sax.SAXException | java.io.IOException | javax.xml.parsers.ParserConfigurationException e) {
            throw new PaymentFormatException(name + ": not readable XML: " + e.getMessage());
        }
    }

    static List<Payment> read(String name, String xml) {
        if (xml.contains("<!DOCTYPE")) throw new PaymentFormatException(name + ": XML with a DTD is refused");
        wellFormed(name, xml);
        MxNode root;
        try {
            root = MxNode.parse(xml);
        } catch (RuntimeException e) {
            throw new PaymentFormatException(name + ": not well-formed XML: " + e.getMessage());
        }
        if (root == null) throw new PaymentFormatException(name + ": not well-formed XML");
        // the message may come alone, or inside an envelope with its business application header
        MxNode document = "Document".equals(root.getLocalName()) ? root : root.findFirstByName("Document");
        if (document == null) document = root;
        MxNode pacs = child(document, "FIToFICstmrCdtTrf");
        MxNode pain = child(document, "CstmrCdtTrfInitn");
        if (pacs == null && pain == null) {
            throw new PaymentFormatException(name + ": a <" + document.getLocalName() + "> document holding "
                    + (document.getChildren().isEmpty() ? "nothing" : "<" + document.getChildren().getFirst().getLocalName() + ">")
                    + "; expected pacs.008 (FIToFICstmrCdtTrf) or pain.001 (CstmrCdtTrfInitn)");
        }
        String format = pacs != null ? "pacs.008" : "pain.001";
        MxNode body = pacs != null ? pacs : pain;
        MxNode header = child(body, "GrpHdr");
        String msgId = header == null ? null : text(child(header, "MsgId"));
        if (msgId == null) throw new PaymentFormatException(name + ": " + format + " without GrpHdr/MsgId");
        List<Payment> out = new ArrayList<>();
        if (pacs != null) {
            List<MxNode> txs = children(pacs, "CdtTrfTxInf");
            if (txs.isEmpty()) throw new PaymentFormatException(name + ": pacs.008 " + msgId + " holds no CdtTrfTxInf");
            for (int i = 0; i < txs.size(); i++) out.add(payment(msgId, i, txs.size(), format, header, null, txs.get(i)));
        } else {
            List<MxNode> infos = children(pain, "PmtInf");
            if (infos.isEmpty()) throw new PaymentFormatException(name + ": pain.001 " + msgId + " holds no PmtInf");
            int n = 0;
            int total = 0;
            for (MxNode info : infos) total += children(info, "CdtTrfTxInf").size();
            for (MxNode info : infos) {
                List<MxNode> txs = children(info, "CdtTrfTxInf");
                if (txs.isEmpty()) {
                    out.add(Payment.unreadable(msgId + "/" + text(child(info, "PmtInfId")), format, "PmtInf "
                            + text(child(info, "PmtInfId")) + " holds no CdtTrfTxInf"));
                }
                for (MxNode tx : txs) out.add(payment(msgId, n++, total, format, header, info, tx));
            }
            MxNode initiator = child(header, "InitgPty");
            if (initiator != null && !out.isEmpty()) {
                Payment first = out.getFirst();
                List<Payment.Party> parties = new ArrayList<>(first.parties());
                parties.add(party("InitgPty", initiator));
                out.set(0, first.withParties(parties));
            }
        }
        return out;
    }

    private static Payment payment(String msgId, int index, int total, String format, MxNode header, MxNode paymentInfo, MxNode tx) {
        String id = total > 1 ? msgId + "#" + (index + 1) : msgId;
        List<Payment.Party> parties = new ArrayList<>();
        for (MxNode scope : paymentInfo == null ? List.of(tx) : List.of(paymentInfo, tx)) {
            for (String role : PARTIES) {
                MxNode p = child(scope, role);
                if (p != null) parties.add(party(role, p));
            }
            for (String role : AGENTS) {
                MxNode a = child(scope, role);
                if (a != null) parties.add(agent(role, a));
            }
        }
        List<Payment.Text> texts = new ArrayList<>();
        MxNode remittance = child(tx, "RmtInf");
        if (remittance != null) {
            for (MxNode u : children(remittance, "Ustrd")) if (text(u) != null) texts.add(new Payment.Text("RmtInf/Ustrd", text(u)));
            for (MxNode strd : children(remittance, "Strd")) {
                for (MxNode add : children(strd, "AddtlRmtInf")) {
                    if (text(add) != null) texts.add(new Payment.Text("RmtInf/Strd/AddtlRmtInf", text(add)));
                }
            }
        }
        for (MxNode info : children(tx, "InstrForCdtrAgt")) {
            String t = text(child(info, "InstrInf"));
            if (t != null) texts.add(new Payment.Text("InstrForCdtrAgt/InstrInf", t));
        }
        // the purpose, where a payment may cite the licence it relies on
        MxNode purpose = child(tx, "Purp");
        String purposeText = firstNonNull(text(child(purpose, "Prtry")), text(child(purpose, "Cd")));
        if (purposeText != null) texts.add(new Payment.Text("Purp", purposeText));
        MxNode pmtId = child(tx, "PmtId");
        String reference = pmtId == null ? null : firstNonNull(text(child(pmtId, "EndToEndId")), text(child(pmtId, "InstrId")));
        String problem = null;
        if (parties.stream().noneMatch(p -> p.role().equals("Cdtr"))) problem = "the transaction has no creditor (Cdtr)";
        else if (parties.stream().noneMatch(p -> p.role().equals("Dbtr"))) problem = "the transaction has no debtor (Dbtr)";
        return new Payment(id, format, reference, parties, texts, problem, amount(header, paymentInfo, tx));
    }

    /**
     * The value date (the transaction's settlement date, else its group's; a pain.001's requested execution date, plain
     * or as {@code Dt}) and the amount (settlement amount, else the instructed one or its equivalent); null where absent
     * or unreadable.
     */
    private static Payment.Amount amount(MxNode header, MxNode paymentInfo, MxNode tx) {
        String date = firstNonNull(text(child(tx, "IntrBkSttlmDt")), text(child(header, "IntrBkSttlmDt")));
        if (date == null && paymentInfo != null) {
            MxNode requested = child(paymentInfo, "ReqdExctnDt");
            date = firstNonNull(text(child(requested, "Dt")), text(requested));
        }
        MxNode amount = child(tx, "IntrBkSttlmAmt");
        if (amount == null) amount = child(child(tx, "Amt"), "InstdAmt");
        if (amount == null) amount = child(child(child(tx, "Amt"), "EqvtAmt"), "Amt"); // an amount given as its equivalent
        java.time.LocalDate valueDate = null;
        try {
            if (date != null) valueDate = java.time.LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
        } catch (java.time.format.DateTimeParseException e) {
            valueDate = null; // an unreadable date is no date: a licence's validity is then checked on the day screened
        }
        java.math.BigDecimal value = null;
        try {
            if (text(amount) != null) value = new java.math.BigDecimal(text(amount));
        } catch (NumberFormatException e) {
            value = null;
        }
        String currency = amount == null ? null : amount.getAttribute("Ccy");
        return new Payment.Amount(valueDate, currency, value);
    }

    private static Payment.Party party(String role, MxNode p) {
        MxNode party = child(p, "Pty") != null ? child(p, "Pty") : p; // pacs.008.001.10+ wraps some parties
        MxNode address = child(party, "PstlAdr");
        List<String> lines = new ArrayList<>();
        String country = null;
        if (address != null) {
            for (MxNode line : children(address, "AdrLine")) if (text(line) != null) lines.add(text(line));
            for (String part : new String[] {"StrtNm", "BldgNb", "PstCd", "TwnNm"}) {
                String t = text(child(address, part));
                if (t != null) lines.add(t);
            }
            country = text(child(address, "Ctry"));
        }
        String bic = null;
        MxNode id = child(party, "Id");
        MxNode org = id == null ? null : child(id, "OrgId");
        if (org != null) bic = firstNonNull(text(child(org, "AnyBIC")), text(child(org, "BICOrBEI")));
        return new Payment.Party(role, text(child(party, "Nm")), bic, country, lines);
    }

    private static Payment.Party agent(String role, MxNode a) {
        MxNode fin = child(a, "FinInstnId");
        if (fin == null) return new Payment.Party(role, null, null, null, List.of());
        String bic = firstNonNull(text(child(fin, "BICFI")), text(child(fin, "BIC")));
        MxNode address = child(fin, "PstlAdr");
        return new Payment.Party(role, text(child(fin, "Nm")), bic, address == null ? null : text(child(address, "Ctry")), List.of());
    }

    private static MxNode child(MxNode n, String name) {
        if (n == null) return null;
        for (MxNode c : n.getChildren()) if (name.equals(c.getLocalName())) return c;
        return null;
    }

    private static List<MxNode> children(MxNode n, String name) {
        List<MxNode> out = new ArrayList<>();
        if (n == null) return out;
        for (MxNode c : n.getChildren()) if (name.equals(c.getLocalName())) out.add(c);
        return out;
    }

    private static String text(MxNode n) {
        if (n == null || n.getValue() == null) return null;
        String v = n.getValue().strip();
        return v.isEmpty() ? null : v;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
