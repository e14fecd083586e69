package dev.roomcall.bench.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

    @Test
    void threadsComeFromTheStatusFile() {
        assertEquals(49, ProcStatus.threads("Name:\tjava\nUmask:\t0022\nThreads:\t49\nSigQ:\t0/95476\n"));
        assertThrows(IllegalArgumentException.class, () -> ProcStatus.threads("Name:\tjava\n"));
    }

    @Test
    void theSoftLimitOfOpenFilesComesFromTheLimitsFile() {
        String limits = "Limit                     Soft Limit           Hard Limit           Units     \n"
                + "Max processes             95476                95476                processes \n"
                + "Max open files            20000                40000                files     \n";
        assertEquals(20000, ProcStatus.maxOpenFiles(limits));
        assertEquals(Long.MAX_VALUE, ProcStatus.maxOpenFiles(
                "Max open files            unlimited            unlimited            files     \n"));
    }

    @Test
    void theHeapLimitComesFromTheVmFlags() {
        assertEquals(268_435_456L, ProcStatus.maxHeapBytes(
                "12345:\n-XX:CICompilerCount=2 -XX:InitialHeapSize=16777216 -XX:MaxHeapSize=268435456 -XX:MaxNewSize=8388608\n"));
        assertThrows(IllegalArgumentException.class, () -> ProcStatus.maxHeapBytes("-XX:InitialHeapSize=16777216"));
    }
}
