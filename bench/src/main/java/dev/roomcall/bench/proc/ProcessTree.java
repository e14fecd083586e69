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
