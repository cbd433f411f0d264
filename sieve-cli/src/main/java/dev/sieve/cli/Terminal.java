package dev.sieve.cli;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the output goes: how wide it may be and whether it may be coloured. On a terminal, its width and colour
 * (unless {@code NO_COLOR} is set or {@code --color never}); into a pipe or file, plain text whose lines are never
 * cut, so that scripts and {@code grep} see everything.
 *
 * @param width the columns a line may take; {@link Integer#MAX_VALUE} for no limit
 */
record Terminal(int width, boolean colour) {
    static final Terminal PIPE = new Terminal(Integer.MAX_VALUE, false);
    private static final int DEFAULT_WIDTH = 80;

    /** What the process's standard output is. */
    static Terminal detect() {
        boolean tty = isTerminal();
        String columns = System.getenv("COLUMNS");
        int width = tty ? DEFAULT_WIDTH : Integer.MAX_VALUE;
        if (columns != null && columns.matches("\\d{2,4}")) {
            width = Integer.parseInt(columns);
        } else if (tty) {
            width = sttyWidth();
        }
        String term = System.getenv("TERM");
        boolean colour = tty && System.getenv("NO_COLOR") == null && !"dumb".equals(term);
        return new Terminal(width, colour);
    }

    /** The same output with colour as {@code --color} says: always, never, or auto (as detected). */
    Terminal colour(String when) {
        return switch (when == null ? "auto" : when.toLowerCase(Locale.ROOT)) {
            case "always" -> new Terminal(width, true);
            case "never" -> new Terminal(width, false);
            case "auto" -> this;
            default -> throw new UsageException("--color: auto, always or never; got '" + when + "'");
        };
    }

    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            // Java 22 and later always have a console object; it says whether it is an interactive terminal
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console exists only for a terminal
        }
    }

    private static int sttyWidth() {
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String[] size = new String(p.getInputStream().readAllBytes()).strip().split("\\s+");
            if (p.waitFor() == 0 && size.length == 2) {
                int w = Integer.parseInt(size[1]);
                if (w >= 20) return w;
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // no stty, or no controlling terminal: the usual width
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_WIDTH;
    }

    /** What needs a look, in red; what is fine, in green; what could not be done, in yellow. */
    enum Tone {
        ALERT("\u001B[1;31m"), CLEAR("\u001B[32m"), WARN("\u001B[33m");

        final String code;

        Tone(String code) {
            this.code = code;
        }
    }

    String paint(String text, Tone tone) {
        return colour ? tone.code + text + "\u001B[0m" : text;
    }

    /** Columns a text takes on a terminal: wide (CJK, Hangul) characters take two, colour codes none. */
    static int columns(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp == 0x1B) {
                int end = text.indexOf('m', i);
                if (end > 0) {
                    i = end + 1;
                    continue;
                }
            }
            n += width(cp);
            i += Character.charCount(cp);
        }
        return n;
    }

    private static int width(int cp) {
        int eaw = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
        return eaw == UCharacter.EastAsianWidth.WIDE || eaw == UCharacter.EastAsianWidth.FULLWIDTH ? 2
                : UCharacter.getType(cp) == UCharacter.NON_SPACING_MARK ? 0 : 1;
    }

    /**
     * Text from the lists or another agency's entry, made safe to print: control characters (an escape
     * sequence could repaint the screen) and bidirectional overrides and isolates (they would show a name
     * reversed or move the text after it, as in "Trojan Source") are written as {@code <U+202E>}. The stored
     * and JSON forms keep them: they are evidence of what was published, and matching ignores them.
     */
    static String shown(String text) {
        if (text == null) return null;
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
            if (unsafe && sb == null) sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            if (unsafe) sb.append(String.format("<U+%04X>", (int) c));
            else if (sb != null) sb.append(c);
        }
        return sb == null ? text : sb.toString();
    }

    /** {@code text} cut to {@code max} columns, ending in "…" when cut. */
    static String clip(String text, int max) {
        if (columns(text) <= max) return text;
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = width(cp);
            if (used + w > max - 1) break;
            sb.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return sb.append('…').toString();
    }

    static String pad(String text, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - columns(text)));
        return right ? fill + text : text + fill;
    }

    /**
     * Prints a line, wrapped at spaces to the width; continuation lines are indented by {@code hang} columns
     * (a word longer than a line is left whole).
     */
    void println(PrintWriter out, int hang, String line) {
        if (columns(line) <= width) {
            out.println(line);
            return;
        }
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == ' ') lead++;
        current.append(line, 0, lead);
        for (String word : line.substring(lead).split(" ")) {
            if (word.isEmpty()) continue;
            boolean fresh = current.toString().isBlank();
            if (!fresh && columns(current.toString()) + 1 + columns(word) > width) {
                lines.add(current.toString());
                current.setLength(0);
                current.append(" ".repeat(hang));
                fresh = true;
            }
            if (!fresh) current.append(' ');
            current.append(word);
        }
        lines.add(current.toString());
        for (String l : lines) out.println(l);
    }

    void printf(PrintWriter out, int hang, String format, Object... args) {
        String text = String.format(format, args);
        if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
        for (String line : text.split("\n", -1)) println(out, hang, line);
    }
}
