package dev.roomcall.bench.proc;

/**
 * One thread's CPU use over a window.
 *
 * @param process what the thread's process is (e.g. "renderer" for a Chromium process, "java" for the app)
 * @param thread  the thread's name as the kernel keeps it (at most 15 characters), or {@link #ENDED} for the time of
 *                the process's threads that ended inside the window
 * @param tid     thread id; 0 for {@link #ENDED}
 * @param percent CPU (user + system) in percent of one core over the window
 */
public record ThreadCpu(String process, String thread, int tid, double percent) {

    /** The name of the row that holds a process's CPU time not found in any thread still alive at the window's end. */
    public static final String ENDED = "(threads ended in the window)";
}
