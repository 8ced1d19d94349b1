package io.chameleon.format;

import java.util.ArrayList;
import java.util.List;

/** Plain text columns, padded to the widest cell, for terminals. */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean header;

    private TextTable(boolean header) {
        this.header = header;
    }

    /** A table whose first row is a header, underlined with dashes. */
    public static TextTable withHeader(String... columns) {
        TextTable table = new TextTable(true);
        table.rows.add(columns);
        return table;
    }

    public static TextTable withoutHeader() {
        return new TextTable(false);
    }

    /** A row of cells; null shows as empty. */
    public TextTable row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cells[i] == null ? "" : cells[i].toString();
        }
        rows.add(text);
        return this;
    }

    public String render() {
        return render("");
    }

    /** The table, each line starting with {@code indent}. */
    public String render(String indent) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            line(rows.get(r), width, indent, out);
            if (header && r == 0) {
                String[] rule = new String[columns];
                for (int i = 0; i < columns; i++) {
                    rule[i] = "-".repeat(width[i]);
                }
                line(rule, width, indent, out);
            }
        }
        return out.toString();
    }

    private static void line(String[] cells, int[] width, String indent, StringBuilder out) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            line.append(i == cells.length - 1 ? cells[i] : String.format("%-" + width[i] + "s  ", cells[i]));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
