package dev.roomcall.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** Reads a live process tree's CPU ticks and memory. */
public final class TreeProbe {

    private final ProcessTree processes;

    public TreeProbe(ProcessTree processes) {
        this.processes = processes;
    }

    public CpuSnapshot cpu(int rootPid) {
        return CpuSnapshot.of(System.nanoTime(), processes.of(rootPid));
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
