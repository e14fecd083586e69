package dev.roomcall.signaling.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import dev.roomcall.signaling.SessionDescription;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the VideoRoom plugin says, as Janus 1.x writes it, read into records; what is unknown stays harmless. */
class VideoRoomEventTest {

    private static final String OFFER = "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}";

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("joined, with who publishes already", """
                        {"janus":"event","sender":7,"transaction":"t3","plugindata":{"plugin":"janus.plugin.videoroom",
                         "data":{"videoroom":"joined","room":5,"id":11,"private_id":99,"publishers":[
                           {"id":12,"display":"p2","streams":[{"type":"audio","mid":"0"},{"type":"video","mid":"1","disabled":true}]}]}}}
                        """, new VideoRoomEvent.Joined(11, 99, List.of(new VideoRoomEvent.Publisher(12, "p2", List.of(
                        new VideoRoomEvent.PublishedStream("audio", "0", false),
                        new VideoRoomEvent.PublishedStream("video", "1", true)))))),
                Arguments.of("a new publisher", """
                        {"janus":"event","sender":7,"plugindata":{"data":{"videoroom":"event","room":5,
                         "publishers":[{"id":13,"display":"p3","streams":[]}]}}}
                        """, new VideoRoomEvent.Publishers(List.of(new VideoRoomEvent.Publisher(13, "p3", List.of())))),
                Arguments.of("unpublished", """
                        {"janus":"event","plugindata":{"data":{"videoroom":"event","room":5,"unpublished":13}}}
                        """, new VideoRoomEvent.Gone(13, false)),
                Arguments.of("leaving", """
                        {"janus":"event","plugindata":{"data":{"videoroom":"event","room":5,"leaving":13}}}
                        """, new VideoRoomEvent.Gone(13, true)),
                Arguments.of("configured, with Janus's answer", """
                        {"janus":"event","plugindata":{"data":{"videoroom":"event","room":5,"configured":"ok"}},
                         "jsep":{"type":"answer","sdp":"v=0\\r\\n"}}
                        """, new VideoRoomEvent.Configured(new SessionDescription("answer", "v=0\r\n"))),
                Arguments.of("attached, with Janus's offer and the streams", """
                        {"janus":"event","plugindata":{"data":{"videoroom":"attached","room":5,"streams":[
                          {"type":"audio","active":true,"mindex":0,"mid":"0","feed_id":12,"feed_display":"p2"},
                          {"type":"video","active":false,"mindex":1,"mid":"1","feed_id":12},
                          {"type":"data","mindex":2}]}},"jsep":""" + OFFER + "}",
                        new VideoRoomEvent.Subscription(new SessionDescription("offer", "v=0\r\n"), List.of(
                                new VideoRoomEvent.Stream(0, "0", "audio", 12, "p2", true),
                                new VideoRoomEvent.Stream(1, "1", "video", 12, "", false)))),
                Arguments.of("updated, with a new offer", """
                        {"janus":"event","plugindata":{"data":{"videoroom":"updated","room":5,"streams":[]}},"jsep":""" + OFFER + "}",
                        new VideoRoomEvent.Subscription(new SessionDescription("offer", "v=0\r\n"), List.of())),
                Arguments.of("attached without an offer", """
                        {"janus":"event","plugindata":{"data":{"videoroom":"attached","room":5}}}
                        """, new VideoRoomEvent.Other("attached without an offer")),
                Arguments.of("updating (the new offer follows)", """
                        {"janus":"event","plugindata":{"data":{"videoroom":"updating","room":5}}}
                        """, new VideoRoomEvent.Updating()),
                Arguments.of("started", """
                        {"janus":"event","plugindata":{"data":{"videoroom":"event","room":5,"started":"ok"}}}
                        """, new VideoRoomEvent.Started()),
                Arguments.of("destroyed", """
                        {"janus":"event","plugindata":{"data":{"videoroom":"destroyed","room":5}}}
                        """, new VideoRoomEvent.Destroyed()),
                Arguments.of("hangup", """
                        {"janus":"hangup","session_id":1,"sender":7,"reason":"DTLS alert"}
                        """, new VideoRoomEvent.Hangup("DTLS alert")),
                Arguments.of("webrtcup", """
                        {"janus":"webrtcup","session_id":1,"sender":7}
                        """, new VideoRoomEvent.WebrtcUp()),
                Arguments.of("something new", """
                        {"janus":"event","plugindata":{"data":{"videoroom":"talking","room":5,"id":12}}}
                        """, new VideoRoomEvent.Other("event/talking")),
                Arguments.of("publishers that are not objects", """
                        {"janus":"event","plugindata":{"data":{"videoroom":"event","publishers":[1,"x",null]}}}
                        """, new VideoRoomEvent.Publishers(List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void readsWhatJanusSays(String what, String json, VideoRoomEvent expected) {
        assertEquals(expected, VideoRoomEvent.read(JsonParser.parseString(json).getAsJsonObject()), what);
    }
}
