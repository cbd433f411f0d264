package dev.sieve.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One element of one list record, read into memory only for the length of that record
 * (the file itself is streamed; see {@link SafeXml}).
 */
record XmlNode(String name, Map<String, String> attributes, String text, List<XmlNode> children, int line) {

    /** First child with that local name, or null. */
    XmlNode child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) return c;
        }
        return null;
    }

    List<XmlNode> all(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) out.add(c);
        }
        return out;
    }

    /** Trimmed text of the first child with that name; null when absent or blank. */
    String text(String childName) {
        XmlNode c = child(childName);
        return c == null ? null : c.textOrNull();
    }

    String textOrNull() {
        return text == null || text.isBlank() ? null : text.strip();
    }

    String attr(String attribute) {
        String v = attributes.get(attribute);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Texts of every {@code VALUE}-like grandchild: {@code <X><VALUE>a</VALUE><VALUE>b</VALUE></X>}. */
    List<String> values(String childName, String valueName) {
        List<String> out = new ArrayList<>();
        for (XmlNode c : all(childName)) {
            for (XmlNode v : c.all(valueName)) {
                String t = v.textOrNull();
                if (t != null) out.add(t);
            }
        }
        return out;
    }
}
