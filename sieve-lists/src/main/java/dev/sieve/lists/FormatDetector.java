package dev.sieve.lists;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tells a list file's format from its content (never from its name), and turns the paths a user gives
 * into publications: a file is one publication, an OFAC {@code sdn.csv} brings its companion files
 * along, a directory is searched for list files.
 */
public final class FormatDetector {
    private static final int HEAD = 8192;
    private static final Pattern XML_ROOT = Pattern.compile("<([A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)[\\s>/]");
    private static final Pattern OFAC_SDN_ROW = Pattern.compile("^\\d+,\"[^\"]*\",(\"[^\"]*\"|-0- ?),");
    private static final Pattern OFAC_COMPANION_ROW = Pattern.compile("^\\d+,(\\d+|\")");
    private static final List<String> COMPANIONS = List.of("alt.csv", "add.csv", "sdn_comments.csv");

    private FormatDetector() {
    }

    /** The format of one file; a file of no supported format raises an error listing the supported ones. */
    public static ListFormat detect(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new ListFormatException(name, null, "no such file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        if (head.length == 0) {
            throw new ListFormatException(name, null, "the file is empty");
        }
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            throw new ListFormatException(name, "byte 0", "the file is UTF-16; list files are UTF-8 (or Windows-1252"
                    + " for the old UK CSV): wrong encoding?");
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00EF\u00BB\u00BF")) text = text.substring(3);
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("<")) {
            String root = xmlRoot(trimmed);
            if (root != null) {
                switch (root) {
                    case "CONSOLIDATED_LIST" -> {
                        return ListFormat.UN_XML;
                    }
                    case "sdnList" -> {
                        return ListFormat.OFAC_XML;
                    }
                    case "export" -> {
                        return ListFormat.EU_FSF_XML;
                    }
                    case "Designations" -> {
                        return ListFormat.UK_SANCTIONS_XML;
                    }
                    default -> throw unsupported(name, "an XML file with root <" + root + ">");
                }
            }
            // A DOCTYPE before any element: let the XML reader refuse it with its own error.
            if (trimmed.contains("<!DOCTYPE")) {
                throw new ListFormatException(name, "line 1",
                        "a DOCTYPE/DTD is not allowed in list files (entity expansion and external entities are refused)");
            }
            throw unsupported(name, "an XML file whose root element was not found in its first " + HEAD + " bytes");
        }
        if (trimmed.startsWith("{")) {
            return ListFormat.FTM_JSON;
        }
        String firstLine = trimmed.lines().findFirst().orElse("");
        if (firstLine.regionMatches(true, 0, "Last Updated,", 0, 13)) {
            return ListFormat.UK_CONLIST;
        }
        if (OFAC_SDN_ROW.matcher(firstLine).find()) {
            return ListFormat.OFAC_CSV;
        }
        if (OFAC_COMPANION_ROW.matcher(firstLine).find() && COMPANIONS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new ListFormatException(name, null, "this is a companion of an OFAC sdn.csv, not a list on its own:"
                    + " load the sdn.csv it belongs with (its folder or the sdn.csv path)");
        }
        throw unsupported(name, "its content");
    }

    private static String xmlRoot(String text) {
        int i = 0;
        while (i < text.length()) {
            int lt = text.indexOf('<', i);
            if (lt < 0 || lt + 1 >= text.length()) return null;
            char c = text.charAt(lt + 1);
            if (c == '?' || c == '!') {
                if (text.startsWith("<!DOCTYPE", lt)) return null;
                int end = text.indexOf(c == '!' && text.startsWith("<!--", lt) ? "-->" : ">", lt);
                if (end < 0) return null;
                i = end + 1;
                continue;
            }
            var m = XML_ROOT.matcher(text).region(lt, text.length());
            return m.lookingAt() ? m.group(2) : null;
        }
        return null;
    }

    private static ListFormatException unsupported(String name, String what) {
        return new ListFormatException(name, null, "not a supported list format (" + what + "). Supported formats:\n"
                + ListFormat.supportedList());
    }

    /** One publication for an explicit file path (an sdn.csv with its companions beside it). */
    public static ListInput input(Path file) throws IOException {
        ListFormat format = detect(file);
        if (format == ListFormat.OFAC_CSV) {
            List<Path> companions = new ArrayList<>();
            List<Path> siblings;
            try (Stream<Path> list = Files.list(file.toAbsolutePath().getParent())) {
                siblings = list.toList();
            }
            for (String c : COMPANIONS) {
                siblings.stream().filter(p -> p.getFileName().toString().equalsIgnoreCase(c)).findFirst()
                        .ifPresent(companions::add);
            }
            return new ListInput(format, file, companions);
        }
        return new ListInput(format, file, List.of());
    }

    /**
     * The publications under a path: the path itself when it is a file; for a directory, every list file
     * below it in path order. Files that are not lists are returned in {@code skipped} with the reason.
     */
    public static Found find(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return new Found(List.of(input(path)), List.of());
        }
        List<ListInput> inputs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String lower = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (COMPANIONS.contains(lower) && sibling(f, "sdn.csv") != null) continue;
            if (lower.startsWith(".") || lower.endsWith(".md") || lower.equals("license")) continue;
            try {
                inputs.add(input(f));
            } catch (ListFormatException e) {
                skipped.add(path.relativize(f) + ": " + firstLine(e.getMessage()));
            }
        }
        return new Found(inputs, skipped);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Path sibling(Path file, String name) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().equalsIgnoreCase(name)).findFirst().orElse(null);
        }
    }

    /** The publications found under a path, and the files passed over with why. */
    public record Found(List<ListInput> inputs, List<String> skipped) {
    }
}
