package dev.roomcall.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTreeThreadsTest {

    @TempDir
    Path proc;

    @Test
    void threadsAreReadFromTheTaskDirectoryWithTheirNamesAndTicks() throws IOException {
        thread(7, 7, "java", 30, 5);
        thread(7, 9, "C2 CompilerThre", 100, 2); // a name with a space
        thread(7, 8, "EncoderQueue", 700, 40);
        Files.createDirectories(proc.resolve("7/task/10")); // ended between listing and reading: no stat file

        List<ProcStat> threads = new ProcessTree(proc).threads(7);

        assertEquals(List.of(7, 8, 9), threads.stream().map(ProcStat::pid).toList());
        assertEquals(List.of("java", "EncoderQueue", "C2 CompilerThre"), threads.stream().map(ProcStat::command).toList());
        assertEquals(List.of(35L, 740L, 102L), threads.stream().map(ProcStat::cpuTicks).toList());
    }

    @Test
    void aProcessThatIsGoneHasNoThreadsAndNoCommandLine() {
        ProcessTree tree = new ProcessTree(proc);
        assertEquals(List.of(), tree.threads(42));
        assertEquals("", tree.commandLine(42));
    }

    @Test
    void theCommandLineHasSpacesForItsSeparators() throws IOException {
        Path dir = Files.createDirectories(proc.resolve("5"));
        Files.writeString(dir.resolve("cmdline"), "chromium\0--type=renderer\0");
        assertEquals("chromium --type=renderer", new ProcessTree(proc).commandLine(5));
    }

    private void thread(int pid, int tid, String name, long user, long system) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(pid + "/task/" + tid));
        Files.writeString(dir.resolve("stat"),
                tid + " (" + name + ") S 1 1 1 0 -1 0 0 0 0 0 " + user + " " + system + " 0 0 20 0 1 0 " + (500 + tid) + " 0 0\n");
    }
}
