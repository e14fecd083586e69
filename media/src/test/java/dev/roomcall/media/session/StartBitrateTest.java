package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The start bit rate goes on every video codec's fmtp line of every m-section, and nowhere else. */
class StartBitrateTest {

    private static final String P = ";x-google-start-bitrate=" + StartBitrate.KBPS;
    private static final String NEW = "x-google-start-bitrate=" + StartBitrate.KBPS;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("VP8 without an fmtp line gets one after its rtpmap",
                        "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96 97\r\na=rtpmap:96 VP8/90000\r\na=rtpmap:97 rtx/90000\r\n"
                                + "a=fmtp:97 apt=96\r\n",
                        "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96 97\r\na=rtpmap:96 VP8/90000\r\na=fmtp:96 " + NEW
                                + "\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n"),
                Arguments.of("an existing fmtp line is extended; rtx, red and audio are left alone",
                        "m=audio 9 RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10\r\n"
                                + "m=video 9 RTP/SAVPF 98 99\r\na=rtpmap:98 VP9/90000\r\na=fmtp:98 profile-id=0\r\n"
                                + "a=rtpmap:99 red/90000\r\n",
                        "m=audio 9 RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10\r\n"
                                + "m=video 9 RTP/SAVPF 98 99\r\na=rtpmap:98 VP9/90000\r\na=fmtp:98 profile-id=0" + P
                                + "\r\na=rtpmap:99 red/90000\r\n"),
                Arguments.of("each video m-section gets its own, and one already there stays as it is",
                        "m=video 9 RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n"
                                + "m=video 9 RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\na=fmtp:96 x-google-start-bitrate=42\r\n",
                        "m=video 9 RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\na=fmtp:96 " + NEW + "\r\n"
                                + "m=video 9 RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\na=fmtp:96 x-google-start-bitrate=42\r\n"),
                Arguments.of("H264 with its profile, and plain \\n line ends kept",
                        "m=video 9 RTP/SAVPF 102\na=rtpmap:102 H264/90000\na=fmtp:102 profile-level-id=42e01f\n",
                        "m=video 9 RTP/SAVPF 102\na=rtpmap:102 H264/90000\na=fmtp:102 profile-level-id=42e01f" + P + "\n"),
                Arguments.of("no video: unchanged", "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n",
                        "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void addsTheStartBitrate(String what, String sdp, String expected) {
        assertEquals(expected, StartBitrate.added(sdp));
    }
}
