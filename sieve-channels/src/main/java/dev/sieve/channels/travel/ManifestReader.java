package dev.sieve.channels.travel;

import java.util.List;

/**
 * Reads what a border system sends about travellers: a PAXLST manifest, or the machine-readable zone of
 * one travel document (a single traveller, no flight). Recognised from the content.
 */
public final class ManifestReader {
    private ManifestReader() {
    }

    public static Manifest read(String name, String text) {
        String t = text.strip();
        if (t.startsWith("UNA") || t.startsWith("UNB") || t.startsWith("UNH")) return PaxlstReader.read(name, t);
        if (t.matches("(?s)[A-Z0-9<]{30,44}(\\R[A-Z0-9<]{30,44}){1,2}")) {
            Mrz mrz;
            try {
                mrz = Mrz.parse(t);
            } catch (MrzException e) {
                throw new ManifestFormatException(name + ": " + e.getMessage());
            }
            Manifest.Document doc = new Manifest.Document(mrz.documentCode(), mrz.documentNumber(), mrz.expiryDate(),
                    mrz.issuingState());
            Manifest.Traveller traveller = new Manifest.Traveller("MRZ", mrz.surname(), mrz.givenNames(), mrz.sex(),
                    mrz.birthDate(), mrz.nationality(), List.of(doc), null, null, 1, null);
            return new Manifest(name, List.of(), List.of(traveller));
        }
        throw new ManifestFormatException(name + ": neither a PAXLST manifest (UNA/UNB/UNH segments) nor a"
                + " machine-readable zone (2 or 3 lines of A-Z, 0-9 and <)");
    }
}
