package dev.sieve.lists;

import dev.sieve.model.Entity;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The common walk of the XML list formats: check the root element, take the publication date from the
 * root or a header element, read each record element whole and map it, turning a record that cannot be
 * mapped into a {@link Problem} at its line and element path. Subclasses say what is what.
 */
abstract class XmlListReader implements ListReader {
    /** The local name of the format's root element. */
    abstract String rootName();

    /** Whether the element at this path (local names from the root) is one record. */
    abstract boolean isRecord(List<String> path);

    /** The record's entity id for problem reports, or null when it has none. */
    abstract String idOf(XmlNode record, String source);

    /** Maps one record; an IllegalArgumentException rejects it. */
    abstract Entity map(XmlNode record, String source);

    /** The source the publication belongs to. */
    String sourceFor(ListInput input) {
        return format().defaultSource();
    }

    /** The publication date carried by the root element, or null. */
    Instant publishedFromRoot(XmlNode root, String file) {
        return null;
    }

    /** The publication date carried by a header element's text, or null. */
    Instant publishedFromText(List<String> path, String text, String file) {
        return null;
    }

    @Override
    public final ReadResult read(ListInput input, Consumer<Entity> sink) throws IOException {
        String file = input.name();
        String source = sourceFor(input);
        List<Problem> problems = new ArrayList<>();
        Instant[] published = {null};
        int[] count = {0};
        SafeXml.stream(input.main(), new SafeXml.Handler() {
            @Override
            public void root(XmlNode root) {
                if (!root.name().equals(rootName())) {
                    throw new ListFormatException(file, "line " + root.line(),
                            "root element is <" + root.name() + ">, expected <" + rootName() + ">");
                }
                published[0] = publishedFromRoot(root, file);
            }

            @Override
            public boolean isRecord(List<String> path) {
                return XmlListReader.this.isRecord(path);
            }

            @Override
            public void text(List<String> path, String text) {
                Instant p = publishedFromText(path, text, file);
                if (p != null) published[0] = p;
            }

            @Override
            public void record(XmlNode record, String path) {
                SafeXml.mapRecord(file, record, path, idOf(record, source), problems, r -> {
                    sink.accept(map(r, source));
                    count[0]++;
                });
            }
        });
        return new ReadResult(source, published[0], count[0], 0, problems);
    }
}
