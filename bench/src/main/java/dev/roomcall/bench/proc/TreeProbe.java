package dev.roomcall.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads a live process tree's CPU ticks and memory. */
public final class TreeProbe {

    private final ProcessTree processes;

    public TreeProbe(ProcessTree processes) {
        this.processes = processes;
    }

    public CpuSnapshot cpu(int rootPid) {
        return CpuSnapshot.of(System.nanoTime(), processes.of(rootPid));
    }

    /**
     * Every thread of every process of the tree, each process labelled from its command line (e.g. Chromium's
     * {@code --type=}).
     */
    public ThreadSnapshot threads(int rootPid, Function<String, String> labelOfCommandLine) {
        long nanos = System.nanoTime();
        List<ThreadSnapshot.Process> tree = new ArrayList<>();
        for (ProcStat process : processes.of(rootPid)) {
            List<ThreadSnapshot.Thread> threads = new ArrayList<>();
            for (ProcStat t : processes.threads(process.pid())) {
                threads.add(new ThreadSnapshot.Thread(t.pid(), t.startTicks(), t.command(), t.cpuTicks()));
            }
            tree.add(new ThreadSnapshot.Process(process.pid(), process.startTicks(),
                    labelOfCommandLine.apply(processes.commandLine(process.pid())), process.cpuTicks(), threads));
        }
        return new ThreadSnapshot(nanos, tree);
    }

    /** Sum of the tree's PSS in MiB; NaN if the root is gone. Processes exiting while being read are skipped. */
    public double pssMib(int rootPid) {
        List<ProcStat> tree = processes.of(rootPid);
        if (tree.isEmpty()) {
            return Double.NaN;
        }
        long kib = 0;
        for (ProcStat stat : tree) {
            try {
                kib += Pss.parseKib(Files.readString(processes.file(stat.pid(), "smaps_rollup")));
            } catch (IOException | IllegalArgumentException gone) {
                // exited meanwhile
            }
        }
        return kib / 1024.0;
    }

    /** Number of processes in the tree now. */
    public int size(int rootPid) {
        return processes.of(rootPid).size();
    }
}
