package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.SignalMessage.Invalid;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever arrives on the socket, from a broken peer or a hostile one, the codec answers with a message or
 * {@link Invalid}, never an exception, and an {@code Invalid} explains itself briefly without echoing the input.
 */
class SignalCodecFuzzTest {

    /** Longest explanation an Invalid may carry: enough to say what and where, too short to carry the input along. */
    private static final int MAX_DETAIL = 200;

    private static final List<String> KEYS = List.of("event", "data", "sdp", "type", "candidate", "sdpMid", "sdpMLineIndex",
            "usernameFragment", "room", "peers", "queued", "iceServers", "urls", "username", "credential", "code", "message");
    private static final List<String> EVENTS = List.of("_offer", "_answer", "_ice_candidate", "joined", "peer-joined",
            "peer-left", "room-full", "bye", "error", "offer", "answer", "", "_OFFER");
    private static final List<String> HUGE_NUMBERS = List.of("1e999999999", "-1e-999999999", "123456789012345678901234567890123",
            "9223372036854775808", "-0", "0.000000000000000000000000001", "2147483648", "-2147483649", "1E+2147483647",
            "4.9e-324", "1.7976931348623157e309");

    @Property(tries = 2000)
    void anyTextDecodesWithoutThrowing(@ForAll String text) {
        assertWellBehaved(SignalCodec.decode(text));
    }

    @Property(tries = 2000)
    void anyBytesDecodeWithoutThrowing(@ForAll @Size(max = 2000) byte[] bytes) {
        assertWellBehaved(SignalCodec.decode(ByteBuffer.wrap(bytes)));
    }

    @Property(tries = 3000)
    void anyJsonTreeDecodesWithoutThrowing(@ForAll("jsonTrees") String json) {
        assertWellBehaved(SignalCodec.decode(json));
        assertWellBehaved(SignalCodec.decode(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8))));
    }

    @Property(tries = 3000)
    void messagesShapedLikeRealOnesWithWrongPartsDecodeWithoutThrowing(@ForAll("almostMessages") String json) {
        assertWellBehaved(SignalCodec.decode(json));
    }

    @Property(tries = 2000)
    void validMessagesCutOrCorruptedAnywhereDecodeWithoutThrowing(@ForAll("validMessages") String valid,
                                                                    @ForAll @IntRange(min = 0, max = 10_000) int at,
                                                                    @ForAll char inserted) {
        int position = at % (valid.length() + 1);
        assertWellBehaved(SignalCodec.decode(valid.substring(0, position)));
        assertWellBehaved(SignalCodec.decode(valid.substring(0, position) + inserted + valid.substring(position)));
        assertWellBehaved(SignalCodec.decode(valid.substring(position)));
    }

    @Property(tries = 200)
    void nestingOfAnyDepthIsRefusedWithoutExhaustingTheStack(@ForAll @IntRange(min = 17, max = 200_000) int depth,
                                                             @ForAll boolean objects) {
        String open = objects ? "{\"data\":" : "[";
        String close = objects ? "}" : "]";
        String deep = open.repeat(depth) + "1" + close.repeat(depth);
        SignalMessage decoded = SignalCodec.decode(deep);
        assertWellBehaved(decoded);
        assertInstanceOf(Invalid.class, decoded);
    }

    @Example
    void nestingInsideARealMessageIsRefusedToo() {
        String deep = "{\"event\":\"_offer\",\"data\":{\"sdp\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}}";
        assertInstanceOf(Invalid.class, SignalCodec.decode(deep));
    }

    @Property(tries = 500)
    void offersAnswersAndCandidatesSurviveTheRoundTripWhateverTheirText(
            @ForAll @StringLength(max = 2000) String sdp, @ForAll @StringLength(max = 300) String candidate,
            @ForAll @StringLength(max = 20) String mid, @ForAll @IntRange(min = 0, max = 1000) int index,
            @ForAll Dialect dialect) {
        SignalMessage offer = new SignalMessage.Offer(new SessionDescription("offer", sdp));
        SignalMessage answer = new SignalMessage.Answer(new SessionDescription("answer", sdp));
        SignalMessage ice = new SignalMessage.Candidate(new IceCandidate(candidate, mid, index));
        for (SignalMessage message : List.of(offer, answer, ice)) {
            assertEquals(message, SignalCodec.decode(SignalCodec.encode(message, dialect)));
        }
    }

    private static void assertWellBehaved(SignalMessage decoded) {
        assertNotNull(decoded, "decode returned null");
        if (decoded instanceof Invalid invalid) {
            assertNotNull(invalid.problem());
            assertTrue(invalid.detail().length() <= MAX_DETAIL, "detail too long: " + invalid.detail().length());
        }
    }

    // ------------------------------------------------------------------ generators

    /** Trees up to this deep; deeper nesting has its own property. Wider and deeper makes megabyte strings. */
    private static final int TREE_DEPTH = 4;
    private static final List<Arbitrary<String>> JSON_BY_DEPTH = new java.util.ArrayList<>();

    static {
        for (int depth = 0; depth <= TREE_DEPTH; depth++) {
            JSON_BY_DEPTH.add(json(depth));
        }
    }

    @Provide
    Arbitrary<String> jsonTrees() {
        return JSON_BY_DEPTH.get(TREE_DEPTH);
    }

    /** Arbitrary JSON text of bounded depth: known keys and events mixed with random ones, huge numbers included. */
    private static Arbitrary<String> json(int depth) {
        Arbitrary<String> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(SignalCodecFuzzTest::quote),
                Arbitraries.of(EVENTS).map(SignalCodecFuzzTest::quote),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(d -> !d.contains("Infinity") && !d.contains("NaN")),
                Arbitraries.of(HUGE_NUMBERS),
                Arbitraries.of("true", "false", "null"));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<String> child = JSON_BY_DEPTH.get(depth - 1);
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().ofMaxLength(10));
        Arbitrary<String> member = Combinators.combine(keys, child).as((k, v) -> quote(k) + ":" + v);
        Arbitrary<String> object = member.list().ofMaxSize(4).map(m -> "{" + String.join(",", m) + "}");
        Arbitrary<String> array = child.list().ofMaxSize(3).map(e -> "[" + String.join(",", e) + "]");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalars), net.jqwik.api.Tuple.of(4, object), net.jqwik.api.Tuple.of(2, array));
    }

    /** The real messages' skeletons with any value in any slot: wrong types, missing fields, unknown events. */
    @Provide
    Arbitrary<String> almostMessages() {
        Arbitrary<String> any = JSON_BY_DEPTH.get(2);
        Arbitrary<String> event = Arbitraries.oneOf(Arbitraries.of(EVENTS), Arbitraries.strings().ofMaxLength(100)).map(SignalCodecFuzzTest::quote);
        return Arbitraries.oneOf(
                Combinators.combine(event, any).as((e, d) -> "{\"event\":" + e + ",\"data\":" + d + "}"),
                Combinators.combine(event, any, any).as((e, t, s) ->
                        "{\"event\":" + e + ",\"data\":{\"sdp\":{\"type\":" + t + ",\"sdp\":" + s + "}}}"),
                Combinators.combine(any, any, any).as((c, m, i) ->
                        "{\"event\":\"_ice_candidate\",\"data\":{\"candidate\":{\"candidate\":" + c + ",\"sdpMid\":" + m
                                + ",\"sdpMLineIndex\":" + i + "}}}"),
                Combinators.combine(any, any, any).as((r, p, s) ->
                        "{\"event\":\"joined\",\"data\":{\"room\":" + r + ",\"peers\":" + p + ",\"iceServers\":" + s + "}}"),
                Combinators.combine(any, any).as((t, s) -> "{\"sdp\":{\"type\":" + t + ",\"sdp\":" + s + "}}"),
                Combinators.combine(any, any).as((c, i) -> "{\"candidate\":{\"candidate\":" + c + ",\"sdpMLineIndex\":" + i + "}}"));
    }

    @Provide
    Arbitrary<String> validMessages() {
        return Arbitraries.of(
                SignalCodec.encode(new SignalMessage.Offer(new SessionDescription("offer", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"))),
                SignalCodec.encode(new SignalMessage.Answer(new SessionDescription("answer", "v=0\r\n")), Dialect.BARE),
                SignalCodec.encode(new SignalMessage.Candidate(new IceCandidate("candidate:1 1 udp 1 192.0.2.1 9 typ host", "0", 0))),
                SignalCodec.encode(new SignalMessage.Joined("abcd-efgh-jkmnp", 1, List.of(IceServer.stun("stun:s")), 2)),
                SignalCodec.encode(new SignalMessage.ServerError("queue-full", "too much")),
                SignalCodec.encode(new SignalMessage.RoomFull("r")));
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
