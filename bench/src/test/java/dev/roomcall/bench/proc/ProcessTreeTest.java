package dev.roomcall.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTreeTest {

    @TempDir
    Path proc;

    @Test
    void aTreeIsTheRootAndEveryDescendantButNoSibling() throws IOException {
        process(1, 0, "init", "/sbin/init");
        process(10, 1, "chromium", "/usr/lib/chromium/chromium --user-data-dir=/tmp/a");
        process(11, 10, "chromium", "/usr/lib/chromium/chromium --type=zygote");
        process(12, 11, "chromium", "/usr/lib/chromium/chromium --type=renderer");
        process(13, 10, "chromium", "/usr/lib/chromium/chromium --type=gpu-process");
        process(20, 1, "chromium", "/usr/lib/chromium/chromium --user-data-dir=/tmp/b");
        process(21, 20, "chromium", "/usr/lib/chromium/chromium --type=zygote");
        Files.createDirectories(proc.resolve("self")); // not a pid directory

        ProcessTree tree = new ProcessTree(proc);

        assertEquals(List.of(10, 11, 13, 12), tree.of(10).stream().map(ProcStat::pid).toList());
        assertEquals(List.of(20, 21), tree.of(20).stream().map(ProcStat::pid).toList());
        assertEquals(List.of(), tree.of(99), "a root that is gone has no tree");
        assertEquals(List.of(20), tree.pidsWithCommandLineContaining("--user-data-dir=/tmp/b"));
    }

    @Test
    void aProcessWhoseStatCannotBeReadIsLeftOut() throws IOException {
        process(5, 1, "java", "java -jar roomcall.jar");
        Files.createDirectories(proc.resolve("6")); // exited between listing and reading: no stat file
        assertEquals(List.of(5), new ProcessTree(proc).of(5).stream().map(ProcStat::pid).toList());
    }

    private void process(int pid, int parent, String name, String commandLine) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(dir.resolve("stat"),
                pid + " (" + name + ") S " + parent + " 1 1 0 -1 0 0 0 0 0 5 5 0 0 20 0 1 0 " + (1000 + pid) + " 0 0\n");
        Files.writeString(dir.resolve("cmdline"), commandLine.replace(' ', '\0') + '\0');
    }
}
