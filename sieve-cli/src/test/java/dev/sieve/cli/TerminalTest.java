package dev.sieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables and long lines on terminals of different widths, and into a pipe. */
class TerminalTest {
    static List<String> lines(StringWriter w) {
        return w.toString().lines().toList();
    }

    @Test
    void aTableFitsTheWidthByCuttingThenLeavingOutColumns() {
        Table t = new Table(Table.Column.fixed("ID", true), Table.Column.shrinks("NAME", false, 1, 8),
                Table.Column.drops("NOTE", false, 2), Table.Column.fixed("COUNT", true));
        t.row(1, "STATE CORPORATION BANK FOR DEVELOPMENT AND FOREIGN ECONOMIC AFFAIRS", "a note", "14,965");
        t.row(22, "KIM, Jong Un", "", "1");

        StringWriter wide = new StringWriter();
        t.print(new PrintWriter(wide, true), Terminal.PIPE);
        assertThat(lines(wide).get(1)).contains("FOREIGN ECONOMIC AFFAIRS").contains("a note");

        StringWriter narrow = new StringWriter();
        t.print(new PrintWriter(narrow, true), new Terminal(40, false));
        assertThat(lines(narrow)).allSatisfy(l -> assertThat(Terminal.columns(l)).isLessThanOrEqualTo(40));
        assertThat(lines(narrow).get(1)).contains("…").contains("14,965").contains("a note");

        StringWriter tiny = new StringWriter();
        t.print(new PrintWriter(tiny, true), new Terminal(24, false));
        assertThat(lines(tiny)).allSatisfy(l -> assertThat(Terminal.columns(l)).isLessThanOrEqualTo(24));
        assertThat(tiny.toString()).doesNotContain("NOTE").contains("COUNT");
    }

    @Test
    void longLinesWrapAtSpacesWithAHangingIndentAndWideCharactersCountTwice() {
        StringWriter w = new StringWriter();
        new Terminal(30, false).println(new PrintWriter(w, true), 4,
                "  remark: Ri Won Ho is a DPRK Ministry of State Security Official stationed in Syria");
        assertThat(lines(w)).hasSizeGreaterThan(2).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(30));
        assertThat(lines(w).get(1)).startsWith("    ").doesNotStartWith("     ");
        assertThat(Terminal.columns("김정은")).isEqualTo(6);
        assertThat(Terminal.columns("\u001B[1;31mHIT\u001B[0m")).isEqualTo(3);
        assertThat(Terminal.clip("김정은 KIM", 5)).isEqualTo("김정…");
    }

    @Test
    void colourOnlyWhenAllowed() {
        assertThat(new Terminal(80, true).paint("HIT", Terminal.Tone.ALERT)).startsWith("\u001B[").endsWith("\u001B[0m");
        assertThat(new Terminal(80, true).colour("never").paint("HIT", Terminal.Tone.ALERT)).isEqualTo("HIT");
        assertThat(Terminal.PIPE.colour("always").colour()).isTrue();
        assertThat(Terminal.PIPE.paint("HIT", Terminal.Tone.ALERT)).isEqualTo("HIT");
    }

    @Test
    void listedTextCannotRepaintTheScreenOrReverseItself() {
        // an entry named with a right-to-left override and an escape sequence, as another agency could write it
        Table t = new Table(Table.Column.fixed("NAME", false));
        t.row("Ali \u202Enamrev\u202C \u001B[2JEvil");
        StringWriter w = new StringWriter();
        t.print(new PrintWriter(w, true), Terminal.PIPE);
        assertThat(w.toString()).contains("Ali <U+202E>namrev<U+202C> <U+001B>[2JEvil").doesNotContain("\u202E").doesNotContain("\u001B");
        // marks that Arabic and Persian text legitimately carry are printed as they are
        assertThat(Terminal.shown("\u0645\u062D\u0645\u062F\u200F \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"))
                .isEqualTo("\u0645\u062D\u0645\u062F\u200F \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");
    }
}
