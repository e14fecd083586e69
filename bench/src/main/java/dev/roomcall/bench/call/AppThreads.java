package dev.roomcall.bench.call;

import java.util.List;

/**
 * What kind of work an app thread does, told by its name. libwebrtc, webrtc-java, the JVM and the app name their
 * threads; the kernel keeps the first 15 characters, which is what the table below matches (first match wins).
 */
final class AppThreads {

    private record Rule(String prefix, String category) {}

    static final String OTHER = "other Java (main, signaling socket, …)";

    private static final List<Rule> RULES = List.of(
            new Rule("EncoderQueue", "video encode (libwebrtc EncoderQueue)"),
            new Rule("DecodingQueue", "video decode (libwebrtc DecodingQueue)"),
            new Rule("IncomingVideoSt", "decoded frames to the sink (IncomingVideoStream: I420 → BGRA)"),
            new Rule("webrtc_jni_work", "libwebrtc worker (RTP/RTCP, pacing, bandwidth, stats)"),
            new Rule("webrtc_jni_netw", "libwebrtc network (sockets, SRTP)"),
            new Rule("webrtc_jni_sign", "libwebrtc signaling thread"),
            new Rule("AudioEncoder", "audio (encode, device module, playout)"),
            new Rule("webrtc_audio_mo", "audio (encode, device module, playout)"),
            new Rule("AudioDeviceBuff", "audio (encode, device module, playout)"),
            new Rule("rtc-low-prio", "libwebrtc other"),
            new Rule("roomcall-fake-c", "synthetic camera (Java: paint + push; local preview I420 → BGRA)"),
            new Rule("roomcall-fake-m", "synthetic microphone (Java: tone + push)"),
            new Rule("roomcall-call", "call executor (Java: events, stats and level polls)"),
            new Rule("C1 CompilerThre", "JIT compilers"),
            new Rule("C2 CompilerThre", "JIT compilers"),
            new Rule("GC Thread", "GC"),
            new Rule("G1 ", "GC"),
            new Rule("VM Thread", "GC"),
            new Rule("VM Periodic", "JVM other"),
            new Rule("Sweeper thread", "JVM other"),
            new Rule("Service Thread", "JVM other"),
            new Rule("Monitor Deflati", "JVM other"),
            new Rule("Common-Cleaner", "JVM other"),
            new Rule("Reference Handl", "JVM other"),
            new Rule("Finalizer", "JVM other"));

    private AppThreads() {}

    /** The category of a thread of this name; {@link #OTHER} for names no rule knows. */
    static String category(String threadName) {
        for (Rule rule : RULES) {
            if (threadName.startsWith(rule.prefix())) {
                return rule.category();
            }
        }
        return OTHER;
    }
}
