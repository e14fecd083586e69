package dev.roomcall.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured Markdown table. Columns after the first are right-aligned: they hold numbers. Cells are padded
 * so the source reads as a table too, and a '|' inside a cell is escaped so it cannot split the row.
 */
public final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(String... header) {
        if (header.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.header = List.of(header);
    }

    /** Adds a row; it must have one cell per column. */
    public MarkdownTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the table " + header.size() + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    public String render() {
        int columns = header.size();
        int[] widths = new int[columns];
        List<List<String>> all = new ArrayList<>();
        all.add(escaped(header));
        rows.forEach(row -> all.add(escaped(row)));
        for (List<String> row : all) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(Math.max(widths[c], row.get(c).length()), 3);
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, all.get(0), widths);
        out.append('|');
        for (int c = 0; c < columns; c++) {
            out.append(' ').append(c == 0 ? "-".repeat(widths[c]) : "-".repeat(widths[c] - 1) + ":").append(" |");
        }
        out.append('\n');
        for (List<String> row : all.subList(1, all.size())) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            out.append(' ').append(c == 0 ? cell + pad : pad + cell).append(" |");
        }
        out.append('\n');
    }

    private static List<String> escaped(List<String> cells) {
        return cells.stream().map(cell -> cell == null ? "" : cell.replace("|", "\\|").replace('\n', ' ')).toList();
    }
}
