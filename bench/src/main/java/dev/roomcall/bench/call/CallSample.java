package dev.roomcall.bench.call;

import dev.roomcall.bench.proc.CpuProfile;

/**
 * One repetition of one call, as seen on its measured side. Times in ms, CPU in % of one core, memory in MiB; NaN
 * where a figure could not be measured (and {@code error} says why the repetition failed, if it did).
 *
 * @param startToOpenMs   process start (the app's JVM, or Chromium's browser process) → signaling WebSocket open
 * @param connectedMs     signaling open → peer connection "connected"
 * @param firstFrameMs    signaling open → first remote video frame
 * @param peerAnswerMs    the answering reference Chromium: the measured side's offer in → its answer out
 * @param peerOfferToFirstSentMs the answering reference Chromium: the offer in → its first video frame sent
 * @param cpuPercent      the measured process tree during the steady window
 * @param pssMib          PSS of the measured process tree at the end of the steady window
 * @param heapMib         JVM heap in use (jcmd GC.heap_info) after the window; NaN for Chromium
 * @param processes       processes in the measured tree
 * @param receivedFps     remote frames decoded per second by the measured side over the window
 * @param receivedWidth   decoded remote width on the measured side
 * @param receivedHeight  decoded remote height on the measured side
 * @param sentFps         the measured side's frames, decoded per second by the reference Chromium
 * @param sentWidth       the measured side's video as the reference Chromium decodes it
 * @param sentHeight      ditto
 * @param referenceCpuPercent the reference Chromium's tree over the same window
 * @param loadAverage     1-minute load average when the window started
 * @param steadySeconds   measured length of the window
 * @param profile         where the measured tree's CPU went in the window, thread by thread; null if not measured
 */
record CallSample(Side side, int repetition, double startToOpenMs, double connectedMs, double firstFrameMs,
                  double peerAnswerMs, double peerOfferToFirstSentMs, double cpuPercent, double pssMib, double heapMib, int processes,
                  double receivedFps, int receivedWidth, int receivedHeight,
                  double sentFps, int sentWidth, int sentHeight, String sentCodec,
                  double referenceCpuPercent, double loadAverage, double steadySeconds, CpuProfile profile,
                  String error) {

    static CallSample failed(Side side, int repetition, String error) {
        double n = Double.NaN;
        return new CallSample(side, repetition, n, n, n, n, n, n, n, n, 0, n, 0, 0, n, 0, 0, "", n, n, n, null, error);
    }

    boolean ok() {
        return error == null;
    }
}
