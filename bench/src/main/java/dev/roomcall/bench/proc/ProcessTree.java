package dev.roomcall.bench.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A process and all its descendants, read from a {@code /proc} directory. Chromium is a browser process with a
 * zygote, renderers, a GPU and utility processes below it; a peer's cost is the cost of that whole tree.
 */
public final class ProcessTree {

    private final Path proc;

    /** Reads the live system's {@code /proc}. */
    public ProcessTree() {
        this(Path.of("/proc"));
    }

    /** Reads a directory laid out like {@code /proc} (tests pass their own). */
    public ProcessTree(Path proc) {
        this.proc = proc;
    }

    /**
     * The root and its descendants as they are now, root first. A process that exits while the table is read is
     * simply missing. Empty if the root itself is gone.
     */
    public List<ProcStat> of(int rootPid) {
        Map<Integer, ProcStat> all = readAll();
        ProcStat root = all.get(rootPid);
        if (root == null) {
            return List.of();
        }
        Map<Integer, List<ProcStat>> children = new HashMap<>();
        for (ProcStat stat : all.values()) {
            children.computeIfAbsent(stat.parent(), p -> new ArrayList<>()).add(stat);
        }
        List<ProcStat> tree = new ArrayList<>();
        ArrayDeque<ProcStat> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            ProcStat next = queue.removeFirst();
            tree.add(next);
            queue.addAll(children.getOrDefault(next.pid(), List.of()));
        }
        return tree;
    }

    /** Every process whose command line contains {@code needle} (e.g. a unique --user-data-dir), lowest pid first. */
    public List<Integer> pidsWithCommandLineContaining(String needle) {
        List<Integer> pids = new ArrayList<>();
        for (int pid : readAll().keySet()) {
            try {
                String cmdline = Files.readString(proc.resolve(pid + "/cmdline")).replace('\0', ' ');
                if (cmdline.contains(needle)) {
                    pids.add(pid);
                }
            } catch (IOException | RuntimeException gone) {
                // exited meanwhile, or not readable: not ours
            }
        }
        pids.sort(Integer::compare);
        return pids;
    }

    /**
     * The threads of a process as they are now, from {@code /proc/<pid>/task/<tid>/stat}: each {@link ProcStat}'s pid
     * is the thread id and its command the thread's name. A thread that ends while the list is read is missing;
     * empty if the process is gone.
     */
    public List<ProcStat> threads(int pid) {
        List<ProcStat> threads = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc.resolve(pid + "/task"), ProcessTree::isPidDirectory)) {
            for (Path entry : entries) {
                try {
                    threads.add(ProcStat.parse(Files.readString(entry.resolve("stat"))));
                } catch (IOException | IllegalArgumentException gone) {
                    // ended between listing and reading
                }
            }
        } catch (IOException gone) {
            return List.of();
        }
        threads.sort((a, b) -> Integer.compare(a.pid(), b.pid()));
        return threads;
    }

    /** The process's command line with its NUL separators as spaces; empty if it is gone or unreadable. */
    public String commandLine(int pid) {
        try {
            return Files.readString(proc.resolve(pid + "/cmdline")).replace('\0', ' ').trim();
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    /** The path of a process's file, e.g. {@code smaps_rollup}. */
    public Path file(int pid, String name) {
        return proc.resolve(pid + "/" + name);
    }

    private Map<Integer, ProcStat> readAll() {
        Map<Integer, ProcStat> all = new LinkedHashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, ProcessTree::isPidDirectory)) {
            for (Path entry : entries) {
                try {
                    ProcStat stat = ProcStat.parse(Files.readString(entry.resolve("stat")));
                    all.put(stat.pid(), stat);
                } catch (IOException | IllegalArgumentException gone) {
                    // exited between listing and reading
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + proc, e);
        }
        return all;
    }

    private static boolean isPidDirectory(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
