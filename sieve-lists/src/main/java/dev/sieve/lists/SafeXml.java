package dev.sieve.lists;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streaming XML for list files. DTDs are refused outright (no entity expansion, no external entities:
 * a billion-laughs or XXE file fails at its DOCTYPE), and every parse error is reported with the file
 * name and line.
 */
final class SafeXml {
    private static final XMLInputFactory FACTORY = newFactory();

    private SafeXml() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /** Callbacks for one streamed document. */
    interface Handler {
        /** The root element, before any record. */
        default void root(XmlNode rootWithoutChildren) {
        }

        /** Whether an element at this path (local names from the root) is a record to read whole. */
        boolean isRecord(List<String> path);

        void record(XmlNode record, String path);

        /** A non-record element's text at this path (for header fields such as publication dates). */
        default void text(List<String> path, String text) {
        }
    }

    static void stream(Path file, Handler handler) throws IOException {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r;
            try {
                r = FACTORY.createXMLStreamReader(in);
            } catch (XMLStreamException e) {
                throw error(name, e);
            }
            try {
                walk(name, r, handler);
            } catch (XMLStreamException e) {
                throw error(name, e);
            } catch (RuntimeException e) {
                if (e instanceof ListFormatException) throw e;
                if (e.getCause() instanceof CharacterCodingException || e.getCause() instanceof XMLStreamException) {
                    throw new ListFormatException(name, "line " + r.getLocation().getLineNumber(),
                            "cannot be read: " + e.getCause().getMessage(), e);
                }
                throw e;
            } finally {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to read
                }
            }
        }
    }

    private static void walk(String name, XMLStreamReader r, Handler handler) throws XMLStreamException {
        List<String> path = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean sawRoot = false;
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.DTD -> throw new ListFormatException(name,
                        "line " + r.getLocation().getLineNumber(),
                        "a DOCTYPE/DTD is not allowed in list files (entity expansion and external entities are refused)");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new ListFormatException(name,
                        "line " + r.getLocation().getLineNumber(),
                        "undeclared entity reference &" + r.getLocalName() + "; is not allowed");
                case XMLStreamConstants.START_ELEMENT -> {
                    path.add(r.getLocalName());
                    if (!sawRoot) {
                        sawRoot = true;
                        handler.root(new XmlNode(r.getLocalName(), attributes(r), null, List.of(),
                                r.getLocation().getLineNumber()));
                    } else if (handler.isRecord(path)) {
                        String where = String.join("/", path);
                        XmlNode node = readElement(name, r);
                        path.removeLast();
                        handler.record(node, where);
                    }
                    text.setLength(0);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    if (!text.isEmpty() && !text.toString().isBlank()) {
                        handler.text(path, text.toString().strip());
                    }
                    text.setLength(0);
                    path.removeLast();
                }
                default -> {
                }
            }
        }
        if (!sawRoot) {
            throw new ListFormatException(name, "line 1", "no XML root element (empty file?)");
        }
    }

    /** Reads the current element and its subtree; the reader ends on its END_ELEMENT. */
    private static XmlNode readElement(String file, XMLStreamReader r) throws XMLStreamException {
        String elementName = r.getLocalName();
        int line = r.getLocation().getLineNumber();
        Map<String, String> attrs = attributes(r);
        List<XmlNode> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> children.add(readElement(file, r));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new ListFormatException(file,
                        "line " + r.getLocation().getLineNumber(),
                        "undeclared entity reference &" + r.getLocalName() + "; is not allowed");
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlNode(elementName, attrs, text.toString(), children, line);
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new ListFormatException(file,
                        "line " + r.getLocation().getLineNumber(), "file ends inside <" + elementName + ">: truncated?");
                default -> {
                }
            }
        }
    }

    private static Map<String, String> attributes(XMLStreamReader r) {
        int n = r.getAttributeCount();
        if (n == 0) return Map.of();
        Map<String, String> attrs = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        return attrs;
    }

    private static ListFormatException error(String name, XMLStreamException e) {
        String place = e.getLocation() != null
                ? "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber()
                : null;
        String msg = e.getMessage();
        // The JDK parser prefixes its message with "ParseError at [row,col]:[..]\nMessage: "; keep the message.
        int i = msg == null ? -1 : msg.indexOf("Message: ");
        if (i >= 0) msg = msg.substring(i + "Message: ".length());
        return new ListFormatException(name, place, "not well-formed XML: " + msg, e);
    }

    /** Runs a consumer, turning its IllegalArgumentException into a Problem at the record's place. */
    static void mapRecord(String file, XmlNode record, String path, String id, List<Problem> problems,
                          Consumer<XmlNode> mapper) {
        try {
            mapper.accept(record);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(file, "line " + record.line() + ", " + path, id, e.getMessage()));
        }
    }
}
