package dev.roomcall.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PssTest {

    private static final String ROLLUP = """
            5623b228a000-7ffc5deb8000 ---p 00000000 00:00 0                          [rollup]
            Rss:                1760 kB
            Pss:                 211 kB
            Pss_Dirty:           120 kB
            Pss_Anon:            120 kB
            Pss_File:             91 kB
            Shared_Clean:       1596 kB
            """;

    @Test
    void readsThePssLineNotItsBreakdown() {
        assertEquals(211, Pss.parseKib(ROLLUP));
    }

    @Test
    void aFileWithoutPssIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Pss.parseKib("Rss: 5 kB\nPss_Anon: 3 kB\n"));
    }
}
