package dev.roomcall.bench.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppThreadsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            EncoderQueue    | video encode (libwebrtc EncoderQueue)
            DecodingQueue   | video decode (libwebrtc DecodingQueue)
            IncomingVideoSt | decoded frames to the sink (IncomingVideoStream: I420 → BGRA)
            webrtc_jni_work | libwebrtc worker (RTP/RTCP, pacing, bandwidth, stats)
            webrtc_jni_netw | libwebrtc network (sockets, SRTP)
            webrtc_jni_sign | libwebrtc signaling thread
            AudioEncoder    | audio (encode, device module, playout)
            webrtc_audio_mo | audio (encode, device module, playout)
            roomcall-fake-c | synthetic camera (Java: paint + push; local preview I420 → BGRA)
            roomcall-fake-m | synthetic microphone (Java: tone + push)
            roomcall-call   | call executor (Java: events, stats and level polls)
            C2 CompilerThre | JIT compilers
            C1 CompilerThre | JIT compilers
            GC Thread#1     | GC
            G1 Refine#0     | GC
            VM Thread       | GC
            VM Periodic     | JVM other
            WebSocketWriteT | other Java (main, signaling socket, …)
            java            | other Java (main, signaling socket, …)
            """)
    void aThreadsNameTellsItsKindOfWork(String name, String category) {
        assertEquals(category, AppThreads.category(name));
    }
}
