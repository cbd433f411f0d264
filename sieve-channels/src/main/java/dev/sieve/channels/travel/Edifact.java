package dev.sieve.channels.travel;

import java.util.ArrayList;
import java.util.List;

/**
 * UN/EDIFACT syntax: segments, elements and components, with the separators a UNA service string may
 * redefine (PAXLST files use both {@code +:'} and {@code *:$}) and the release character honoured.
 */
final class Edifact {
    /** One segment: its tag, its elements (each a list of components), its position in the file. */
    record Segment(int number, String tag, List<List<String>> elements, String raw) {
        /** Element {@code e} (1-based after the tag), component {@code c} (0-based), or "" when absent. */
        String get(int e, int c) {
            if (e - 1 >= elements.size()) return "";
            List<String> comps = elements.get(e - 1);
            return c < comps.size() ? comps.get(c) : "";
        }

        @Override
        public String toString() {
            return "segment " + number + " (" + (raw.length() > 60 ? raw.substring(0, 57) + "..." : raw) + ")";
        }
    }

    private Edifact() {
    }

    static List<Segment> segments(String text) {
        char component = ':', element = '+', release = '?', terminator = '\'';
        String t = text.stripLeading();
        if (t.startsWith("UNA") && t.length() >= 9) {
            component = t.charAt(3);
            element = t.charAt(4);
            release = t.charAt(6);
            terminator = t.charAt(8);
            t = t.substring(9);
        }
        List<Segment> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        List<String> rawParts = new ArrayList<>();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == release && i + 1 < t.length()) {
                current.append(c).append(t.charAt(++i));
            } else if (c == terminator) {
                rawParts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) rawParts.add(current.toString());
        int n = 0;
        for (String raw : rawParts) {
            String s = raw.strip();
            if (s.isEmpty()) continue;
            n++;
            List<String> elements = split(s, element, release);
            String tag = elements.getFirst().strip();
            List<List<String>> parsed = new ArrayList<>();
            for (String e : elements.subList(1, elements.size())) {
                List<String> comps = new ArrayList<>();
                for (String comp : split(e, component, release)) comps.add(unescape(comp, release).strip());
                parsed.add(comps);
            }
            out.add(new Segment(n, tag, parsed, s));
        }
        return out;
    }

    private static List<String> split(String s, char sep, char release) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == release && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String unescape(String s, char release) {
        if (s.indexOf(release) < 0) return s;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == release && i + 1 < s.length()) c = s.charAt(++i);
            sb.append(c);
        }
        return sb.toString();
    }
}
