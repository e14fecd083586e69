package dev.roomcall.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Outputs captured from OpenJDK 17's {@code jcmd <pid> GC.heap_info} under each collector. */
class HeapInfoTest {

    @Test
    void g1ReportsOneHeapLine() {
        String out = """
                24409:
                 garbage-first heap   total 397312K, used 17946K [0x0000000687400000, 0x0000000800000000)
                  region size 4096K, 4 young (16384K), 0 survivors (0K)
                 Metaspace       used 8898K, committed 9088K, reserved 1114112K
                  class space    used 1062K, committed 1152K, reserved 1048576K
                """;
        assertEquals(17946L * 1024, HeapInfo.usedBytes(out));
    }

    @Test
    void serialAddsItsGenerationsButNotTheirSpacesOrMetaspace() {
        String out = """
                24676:
                 def new generation   total 116160K, used 20659K [0x0000000687400000, 0x000000068f200000, 0x0000000704d50000)
                  eden space 103296K,  20% used [0x0000000687400000, 0x000000068882cfa0, 0x000000068d8e0000)
                  from space 12864K,   0% used [0x000000068d8e0000, 0x000000068d8e0000, 0x000000068e570000)
                  to   space 12864K,   0% used [0x000000068e570000, 0x000000068e570000, 0x000000068f200000)
                 tenured generation   total 258048K, used 100K [0x0000000704d50000, 0x0000000714950000, 0x0000000800000000)
                   the space 258048K,   0% used [0x0000000704d50000, 0x0000000704d50000, 0x0000000704d50200, 0x0000000714950000)
                 Metaspace       used 8927K, committed 9088K, reserved 1114112K
                  class space    used 1062K, committed 1152K, reserved 1048576K
                """;
        assertEquals((20659L + 100) * 1024, HeapInfo.usedBytes(out));
    }

    @Test
    void parallelAddsYoungAndOld() {
        String out = """
                 PSYoungGen      total 113152K, used 17511K [0x0000000782700000, 0x000000078a500000, 0x0000000800000000)
                  eden space 97280K, 18% used [0x0000000782700000,0x0000000783819c60,0x0000000788600000)
                 ParOldGen       total 258048K, used 2K [0x0000000687400000, 0x0000000697000000, 0x0000000782700000)
                  object space 258048K, 0% used [0x0000000687400000,0x0000000687400000,0x0000000697000000)
                 Metaspace       used 8954K, committed 9152K, reserved 1114112K
                """;
        assertEquals((17511L + 2) * 1024, HeapInfo.usedBytes(out));
    }

    @Test
    void zgcReportsMegabytes() {
        String out = """
                 ZHeap           used 50M, capacity 378M, max capacity 6028M
                 Metaspace       used 8921K, committed 9088K, reserved 1114112K
                """;
        assertEquals(50L << 20, HeapInfo.usedBytes(out));
    }

    @Test
    void anErrorFromJcmdIsNotMistakenForAnEmptyHeap() {
        assertThrows(IllegalArgumentException.class,
                () -> HeapInfo.usedBytes("123:\ncom.sun.tools.attach.AttachNotSupportedException: Unable to open socket file\n"));
    }
}
