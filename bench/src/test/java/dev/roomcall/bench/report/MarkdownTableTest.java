package dev.roomcall.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void rendersAPaddedTableWithNumberColumnsRightAligned() {
        String table = new MarkdownTable("figure", "Roomcall", "Chromium")
                .row("CPU %", "35", "120.5")
                .row("PSS MiB", "210", "690")
                .render();
        assertEquals("""
                | figure  | Roomcall | Chromium |
                | ------- | -------: | -------: |
                | CPU %   |       35 |    120.5 |
                | PSS MiB |      210 |      690 |
                """, table);
    }

    @Test
    void aPipeOrNewlineInACellCannotBreakTheRow() {
        String table = new MarkdownTable("a", "b").row("x|y", "1\n2").render();
        assertEquals("""
                | a    |   b |
                | ---- | --: |
                | x\\|y | 1 2 |
                """, table);
    }

    @Test
    void aRowMustFitTheColumns() {
        MarkdownTable table = new MarkdownTable("a", "b");
        assertThrows(IllegalArgumentException.class, () -> table.row("only one"));
    }
}
