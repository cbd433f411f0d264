package dev.sieve.channels.travel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads what a border system sends about travellers: a PAXLST manifest, or the machine-readable zones of
 * travel documents (one, or several one after another as a document reader logs them, with blank lines and
 * {@code #} comments between them; a traveller each, no flight). Recognised from the content.
 */
public final class ManifestReader {
    private static final Pattern MRZ_LINE = Pattern.compile("[A-Z0-9<]{30,44}");

    private ManifestReader() {
    }

    public static Manifest read(String name, String text) {
        String t = text.strip();
        if (t.startsWith("UNA") || t.startsWith("UNB") || t.startsWith("UNH")) return PaxlstReader.read(name, t);
        List<Zone> zones = zones(text);
        if (zones == null || zones.isEmpty()) {
            throw new ManifestFormatException(name + ": neither a PAXLST manifest (UNA/UNB/UNH segments) nor"
                    + " machine-readable zones (2 or 3 lines of A-Z, 0-9 and < each; blank lines and # comments between them)");
        }
        if (zones.size() == 1) {
            // one document on its own: a broken zone is the file's problem
            try {
                return new Manifest(name, List.of(), List.of(traveller(Mrz.parse(zones.getFirst().text()), zones.getFirst().line(), null)));
            } catch (MrzException e) {
                throw new ManifestFormatException(name + ": " + e.getMessage());
            }
        }
        // several documents: a broken one is reported as its own traveller, and the others are screened
        List<Manifest.Traveller> travellers = new ArrayList<>();
        for (Zone z : zones) {
            try {
                travellers.add(traveller(Mrz.parse(z.text()), z.line(), null));
            } catch (MrzException e) {
                travellers.add(new Manifest.Traveller("MRZ", "", "", null, null, null, List.of(), null, null, z.line(),
                        name + ": line " + z.line() + ": " + e.getMessage()));
            }
        }
        return new Manifest(name, List.of(), travellers);
    }

    private static Manifest.Traveller traveller(Mrz mrz, int line, String problem) {
        Manifest.Document doc = new Manifest.Document(mrz.documentCode(), mrz.documentNumber(), mrz.expiryDate(), mrz.issuingState());
        return new Manifest.Traveller("MRZ", mrz.surname(), mrz.givenNames(), mrz.sex(), mrz.birthDate(), mrz.nationality(),
                List.of(doc), null, null, line, problem);
    }

    /** A machine-readable zone's lines and the file line it starts on. */
    private record Zone(String text, int line) {
    }

    /**
     * The zones of a text made only of MRZ lines, blank lines and comments; null when any other line is in it.
     * Consecutive lines are grouped by the formats' shapes: three of 30 characters (TD1), two of 36 or 44.
     */
    private static List<Zone> zones(String text) {
        String[] lines = text.split("\\R", -1);
        List<Zone> zones = new ArrayList<>();
        List<String> run = new ArrayList<>();
        int runStart = 0;
        for (int i = 0; i <= lines.length; i++) {
            String l = i < lines.length ? lines[i].strip() : "";
            if (i < lines.length && MRZ_LINE.matcher(l).matches()) {
                if (run.isEmpty()) runStart = i + 1;
                run.add(l);
                continue;
            }
            if (!l.isEmpty() && !l.startsWith("#")) return null;
            split(run, runStart, zones);
            run.clear();
        }
        return zones;
    }

    /** Splits a run of MRZ lines into zones; lines that fit no shape stay together, so that parsing names the problem. */
    private static void split(List<String> run, int start, List<Zone> into) {
        int i = 0;
        while (i < run.size()) {
            int length = run.get(i).length();
            int size = length == 30 ? 3 : 2;
            boolean fits = i + size <= run.size();
            for (int k = i; fits && k < i + size; k++) fits = run.get(k).length() == length;
            int take = fits ? size : run.size() - i;
            into.add(new Zone(String.join("\n", run.subList(i, i + take)), start + i));
            i += take;
        }
    }
}
