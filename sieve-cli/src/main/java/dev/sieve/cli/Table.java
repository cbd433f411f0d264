package dev.sieve.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of text that fits the terminal: columns take their natural width; while the line is too wide, the
 * table gives way in the order its columns say, each step either cutting a column (its cells end in "…") down
 * to its minimum or leaving a column out. Into a pipe (no width limit) every column is printed whole.
 */
final class Table {
    private static final int NEVER = Integer.MAX_VALUE;

    /**
     * @param shrinkAt when in the order of giving way this column is cut ({@code NEVER}: it is not)
     * @param min the narrowest it may be cut to
     * @param dropAt when in that order it is left out ({@code NEVER}: it is not)
     */
    record Column(String header, boolean right, int shrinkAt, int min, int dropAt) {
        static Column fixed(String header, boolean right) {
            return new Column(header, right, NEVER, 0, NEVER);
        }

        static Column shrinks(String header, boolean right, int at, int min) {
            return new Column(header, right, at, min, NEVER);
        }

        static Column drops(String header, boolean right, int at) {
            return new Column(header, right, NEVER, 0, at);
        }
    }

    private static final int GAP = 2;
    private final List<Column> columns;
    private final List<String[]> rows = new ArrayList<>();

    Table(Column... columns) {
        this.columns = List.of(columns);
    }

    Table row(Object... cells) {
        if (cells.length != columns.size()) throw new IllegalArgumentException("a row of " + cells.length + " cells for " + columns.size() + " columns");
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) r[i] = cells[i] == null ? "" : Terminal.shown(cells[i].toString());
        rows.add(r);
        return this;
    }

    void print(PrintWriter out, Terminal terminal) {
        int n = columns.size();
        int[] width = new int[n];
        boolean[] shown = new boolean[n];
        for (int c = 0; c < n; c++) {
            shown[c] = true;
            width[c] = Terminal.columns(columns.get(c).header());
            for (String[] r : rows) width[c] = Math.max(width[c], Terminal.columns(r[c]));
        }
        // each step is {order, column, 1 to cut or 0 to leave out}, taken in order while the line is too wide
        List<int[]> steps = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (columns.get(c).shrinkAt() != NEVER) steps.add(new int[] {columns.get(c).shrinkAt(), c, 1});
            if (columns.get(c).dropAt() != NEVER) steps.add(new int[] {columns.get(c).dropAt(), c, 0});
        }
        steps.sort(java.util.Comparator.comparingInt(step -> step[0]));
        for (int[] step : steps) {
            int excess = total(width, shown) - terminal.width();
            if (excess <= 0) break;
            int c = step[1];
            if (step[2] == 0) {
                shown[c] = false;
            } else {
                int floor = Math.max(columns.get(c).min(), Terminal.columns(columns.get(c).header()));
                width[c] -= Math.max(0, Math.min(width[c] - floor, excess));
            }
        }
        String[] header = new String[n];
        for (int c = 0; c < n; c++) header[c] = columns.get(c).header();
        line(out, header, width, shown);
        for (String[] r : rows) line(out, r, width, shown);
    }

    private static int total(int[] width, boolean[] shown) {
        int t = 0;
        int count = 0;
        for (int c = 0; c < width.length; c++) {
            if (shown[c]) {
                t += width[c];
                count++;
            }
        }
        return t + GAP * Math.max(0, count - 1);
    }

    private void line(PrintWriter out, String[] cells, int[] width, boolean[] shown) {
        StringBuilder sb = new StringBuilder();
        int last = -1;
        for (int c = 0; c < cells.length; c++) if (shown[c]) last = c;
        for (int c = 0; c < cells.length; c++) {
            if (!shown[c]) continue;
            String cell = Terminal.clip(cells[c], width[c]);
            boolean right = columns.get(c).right();
            sb.append(c == last && !right ? cell : Terminal.pad(cell, width[c], right));
            if (c != last) sb.append(" ".repeat(GAP));
        }
        out.println(sb.toString().stripTrailing());
    }
}
