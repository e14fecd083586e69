package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.roomcall.signaling.Dialect;
import dev.roomcall.signaling.IceCandidate;
import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SessionDescription;
import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalMessage.Problem;
import dev.roomcall.signaling.SignalMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The relay's classifier says of every message what {@link SignalCodec#decode} implies for it (relay it, a bye, an
 * extension, or invalid with the very same problem and detail), on real Chromium messages and on anything a broken
 * or hostile peer may send.
 */
class RelayClassifierTest {

    /** The Chromium captures signaling-client's codec tests use; read in place, they are that module's fixtures. */
    private static final Path CAPTURED = Path.of("..", "signaling-client", "src", "test", "resources", "captured-chromium");

    private static final List<String> KEYS = List.of("event", "data", "sdp", "type", "candidate", "sdpMid", "sdpMLineIndex",
            "usernameFragment", "room", "peers", "queued", "iceServers", "urls", "username", "credential", "code", "message",
            "iceTransportPolicy");
    private static final List<String> EVENTS = List.of("_offer", "_answer", "_ice_candidate", "joined", "peer-joined",
            "peer-left", "room-full", "bye", "error", "offer", "_OFFER", "");
    private static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "7", "1.5", "1e2", "1E+2", "-1e-2", "2147483647",
            "2147483648", "-2147483649", "1e999999999", "9223372036854775808", "0.0000001", "4.9e-324");
    /** What separates tokens: JSON whitespace, and characters that are whitespace to Java but not to JSON. */
    private static final List<String> GAPS = List.of("", "", "", " ", "\n", "\t", "\r\n", "\u000b", "\u00a0", "\u2003", "\ufeff");

    // ------------------------------------------------------------------ examples

    @Example
    void everyCapturedChromiumMessageIsRelayableAsTheCodecSays() throws IOException {
        List<Path> captured;
        try (Stream<Path> files = Files.list(CAPTURED)) {
            captured = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(captured.isEmpty(), "no captures in " + CAPTURED.toAbsolutePath());
        for (Path file : captured) {
            byte[] bytes = Files.readAllBytes(file);
            assertEquals(MessageKind.RELAYABLE, RelayClassifier.classify(bytes), file.toString());
            assertAgrees(bytes);
        }
    }

    @Example
    void everyMessageTheCodecWritesIsClassifiedAsItsKind() {
        List<SignalMessage> messages = List.of(
                new SignalMessage.Offer(new SessionDescription("offer", "v=0\r\n")),
                new SignalMessage.Answer(new SessionDescription("answer", "")),
                new SignalMessage.Candidate(new IceCandidate("candidate:1 1 udp 1 192.0.2.1 9 typ host", null, 0, "u")),
                new SignalMessage.Candidate(new IceCandidate("", "0", null)),
                new SignalMessage.Joined("room", 1, List.of(IceServer.stun("stun:x"), new IceServer(List.of("turn:a", "turns:b"), "u", "c")), 3),
                new SignalMessage.PeerJoined(), new SignalMessage.PeerLeft(), new SignalMessage.RoomFull("r"),
                new SignalMessage.Bye(), new SignalMessage.ServerError("queue-full", "too many"));
        for (SignalMessage message : messages) {
            for (Dialect dialect : Dialect.values()) {
                if (dialect == Dialect.BARE && message instanceof SignalMessage.Extension) {
                    continue;
                }
                byte[] bytes = SignalCodec.encode(message, dialect).getBytes(StandardCharsets.UTF_8);
                assertEquals(kindOf(message), RelayClassifier.classify(bytes), message + " " + dialect);
            }
        }
    }

    @Example
    void membersCountInAnyOrderAndARepeatedNameKeepsItsLastValue() {
        assertEquals(MessageKind.RELAYABLE, classify("{\"data\":{\"sdp\":{\"sdp\":\"v=0\",\"type\":\"answer\"}},\"event\":\"_answer\"}"));
        assertEquals(MessageKind.BYE, classify("{\"event\":\"_offer\",\"event\":\"bye\"}"));
        assertEquals(new MessageKind.Invalid(Problem.MALFORMED, "'data' is not an object"),
                classify("{\"event\":\"_offer\",\"data\":{\"sdp\":{\"type\":\"offer\",\"sdp\":\"\"}},\"data\":1}"));
        assertAgrees("{\"data\":{\"sdp\":{\"sdp\":\"v=0\",\"type\":\"answer\"}},\"event\":\"_answer\"}");
    }

    @Example
    void aControlCharacterInsideAStringIsMalformedEvenInsideAnSdpThatIsOtherwiseSkipped() {
        MessageKind kind = classify("{\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\u0001\"}}");
        assertEquals(Problem.MALFORMED, assertInstanceOf(MessageKind.Invalid.class, kind).problem());
        assertAgrees("{\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\u0001\"}}");
        assertAgrees("{\"sdp\":{\"type\":\"offer\",\n \"sdp\":\"v=0\"}}");
    }

    @Example
    void bytesThatAreNotUtf8AreTheOneKindATextFrameMustNotCarry() {
        assertSame(RelayClassifier.NOT_UTF8, RelayClassifier.classify(new byte[] {'{', '"', (byte) 0xc3, 0x28, '"', '}'}));
        assertSame(RelayClassifier.NOT_UTF8, RelayClassifier.classify(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}));
        assertAgrees(new byte[] {'{', '"', (byte) 0xc3, 0x28, '"', '}'});
    }

    @Example
    void theSizeLimitIsOnBytes() {
        String padding = "x".repeat(SignalCodec.MAX_MESSAGE_BYTES);
        byte[] tooLarge = ("{\"sdp\":{\"type\":\"offer\",\"sdp\":\"" + padding + "\"}}").getBytes(StandardCharsets.UTF_8);
        assertEquals(Problem.TOO_LARGE, assertInstanceOf(MessageKind.Invalid.class, RelayClassifier.classify(tooLarge)).problem());
        assertAgrees(tooLarge);
    }

    @Example
    void nestingPastTheLimitIsRefusedWhereverItIs() {
        assertAgrees("{\"event\":\"_offer\",\"data\":{\"sdp\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}}");
        assertAgrees("{\"x\":" + "{\"data\":".repeat(16) + "1" + "}".repeat(17));
        assertAgrees("{\"x\":" + "{\"data\":".repeat(14) + "1" + "}".repeat(15));
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 2000)
    void anyBytes(@ForAll @Size(max = 600) byte[] bytes) {
        assertAgrees(bytes);
    }

    @Property(tries = 2000)
    void anyText(@ForAll("texts") String text) {
        assertAgrees(text);
    }

    @Property(tries = 4000)
    void anyJsonMadeOfTheFieldsTheRulesLookAt(@ForAll("jsonTrees") String json) {
        assertAgrees(json);
    }

    @Property(tries = 4000)
    void realMessageShapesWithAnythingInTheirSlots(@ForAll("almostMessages") String json) {
        assertAgrees(json);
    }

    @Property(tries = 3000)
    void realMessagesCutCorruptedOrPaddedAnywhere(@ForAll("realMessages") String valid,
                                                  @ForAll @IntRange(min = 0, max = 100_000) int at,
                                                  @ForAll("insertions") String inserted) {
        int position = at % (valid.length() + 1);
        assertAgrees(valid.substring(0, position));
        assertAgrees(valid.substring(position));
        assertAgrees(valid.substring(0, position) + inserted + valid.substring(position));
        if (position < valid.length()) {
            assertAgrees(valid.substring(0, position) + valid.substring(position + 1));
        }
    }

    // ------------------------------------------------------------------ the oracle

    /** What the server made of a message when it decoded it with the codec. */
    private static MessageKind kindOf(SignalMessage message) {
        if (message instanceof SignalMessage.Invalid invalid) {
            return new MessageKind.Invalid(invalid.problem(), invalid.detail());
        }
        if (message instanceof SignalMessage.Bye) {
            return MessageKind.BYE;
        }
        if (message instanceof SignalMessage.Extension) {
            return new MessageKind.Extension(message.getClass().getSimpleName());
        }
        return MessageKind.RELAYABLE;
    }

    private static MessageKind classify(String text) {
        return RelayClassifier.classify(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Text as a text frame carries it: the codec's String decoding must agree too, since that is what the server used. */
    private static void assertAgrees(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertAgrees(bytes);
        if (text.equals(new String(bytes, StandardCharsets.UTF_8)) && bytes.length <= SignalCodec.MAX_MESSAGE_BYTES) {
            assertEquals(kindOf(SignalCodec.decode(text)), RelayClassifier.classify(bytes), () -> "text: " + shown(text));
        }
    }

    private static void assertAgrees(byte[] bytes) {
        MessageKind expected = kindOf(SignalCodec.decode(ByteBuffer.wrap(bytes)));
        assertEquals(expected, RelayClassifier.classify(bytes), () -> "bytes: " + shown(new String(bytes, StandardCharsets.UTF_8)));
    }

    private static String shown(String s) {
        String escaped = s.length() > 300 ? s.substring(0, 300) + "…" : s;
        StringBuilder out = new StringBuilder();
        escaped.codePoints().forEach(c -> out.append(c < 0x20 || (c >= 0x7f && c < 0xa0) ? String.format("\\u%04x", c) : Character.toString(c)));
        return out.toString();
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t', '\u0000', '\u00e9', '\ud83d').ofMaxLength(200),
                Arbitraries.of(GAPS).list().ofMaxSize(5).map(g -> String.join("", g)));
    }

    private static final int TREE_DEPTH = 4;
    private static final List<Arbitrary<String>> TREES = new ArrayList<>();

    static {
        for (int depth = 0; depth <= TREE_DEPTH; depth++) {
            TREES.add(tree(depth));
        }
    }

    @Provide
    Arbitrary<String> jsonTrees() {
        return TREES.get(TREE_DEPTH);
    }

    /** JSON built from the names and values the rules care about, with odd spacing, repeated names and raw control characters now and then. */
    private static Arbitrary<String> tree(int depth) {
        Arbitrary<String> strings = Arbitraries.oneOf(
                Arbitraries.of(EVENTS).map(RelayClassifierTest::quote),
                Arbitraries.of("offer", "answer", "pranswer", "rollback", "relay", "all", "x".repeat(100)).map(RelayClassifierTest::quote),
                Arbitraries.strings().ofMaxLength(30).map(RelayClassifierTest::quote),
                Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(8).map(s -> "\"" + s.replace("\"", "").replace("\\", "") + "\""));
        Arbitrary<String> scalars = Arbitraries.oneOf(strings, Arbitraries.of(NUMBERS), Arbitraries.of("true", "false", "null"));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<String> child = TREES.get(depth - 1);
        Arbitrary<String> gap = Arbitraries.of(GAPS);
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().ofMaxLength(6)).map(RelayClassifierTest::quote);
        Arbitrary<String> member = Combinators.combine(gap, key, gap, child).as((g, k, h, v) -> g + k + h + ":" + v);
        Arbitrary<String> object = member.list().ofMaxSize(5).map(m -> "{" + String.join(",", m) + "}");
        Arbitrary<String> array = Combinators.combine(child.list().ofMaxSize(3), gap).as((e, g) -> "[" + g + String.join(",", e) + "]");
        return Arbitraries.frequencyOf(Tuple.of(3, scalars), Tuple.of(5, object), Tuple.of(2, array));
    }

    /** The real messages' skeletons with anything in any slot, in any member order. */
    @Provide
    Arbitrary<String> almostMessages() {
        Arbitrary<String> any = TREES.get(2);
        Arbitrary<String> event = Arbitraries.of(EVENTS).map(RelayClassifierTest::quote);
        return Arbitraries.oneOf(
                Combinators.combine(event, any).as((e, d) -> object("event", e, "data", d)),
                Combinators.combine(event, any, any).as((e, t, s) -> object("event", e, "data", object("sdp", object("type", t, "sdp", s)))),
                Combinators.combine(any, any, any, any).as((c, m, i, u) -> object("event", "\"_ice_candidate\"",
                        "data", object("candidate", object("candidate", c, "sdpMid", m, "sdpMLineIndex", i, "usernameFragment", u)))),
                Combinators.combine(any, any, any, any).as((r, p, s, q) -> object("event", "\"joined\"",
                        "data", object("room", r, "peers", p, "iceServers", s, "queued", q))),
                any.map(policy -> object("event", "\"joined\"", "data", object("room", "\"r\"", "peers", "1",
                        "iceTransportPolicy", policy))),
                Combinators.combine(any, any, any).as((u, n, c) -> object("event", "\"joined\"", "data", object("room", "\"r\"",
                        "peers", "0", "iceServers", "[" + object("urls", u, "username", n, "credential", c) + "]"))),
                Combinators.combine(any, any).as((c, m) -> object("event", "\"error\"", "data", object("code", c, "message", m))),
                Combinators.combine(any, any).as((t, s) -> object("sdp", object("type", t, "sdp", s))),
                Combinators.combine(any, any).as((c, i) -> object("candidate", object("candidate", c, "sdpMLineIndex", i))))
                .flatMap(json -> Arbitraries.of(json, reversedMembers(json)));
    }

    @Provide
    Arbitrary<String> realMessages() {
        List<String> messages = new ArrayList<>();
        try (Stream<Path> files = Files.list(CAPTURED)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                messages.add(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        messages.add(SignalCodec.encode(new SignalMessage.Joined("abcd-efgh-jkmnp", 1, List.of(IceServer.stun("stun:s")), 2)));
        messages.add(SignalCodec.encode(new SignalMessage.ServerError("queue-full", "too much")));
        messages.add(SignalCodec.encode(new SignalMessage.Bye()));
        return Arbitraries.of(messages);
    }

    @Provide
    Arbitrary<String> insertions() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(3),
                Arbitraries.of("\"", "\\", "{", "}", "[", "]", ",", ":", "\u0001", "\n", "\\u", "\\x", "1", "null", "\"event\":\"bye\","));
    }

    private static String object(String... namesAndValues) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.append(i == 0 ? "" : ",").append(quote(namesAndValues[i])).append(':').append(namesAndValues[i + 1]);
        }
        return out.append('}').toString();
    }

    /** The same message with the root's first member moved last, when it has one: the rules must not care. */
    private static String reversedMembers(String json) {
        int comma = json.indexOf(",\"data\":");
        if (!json.startsWith("{\"event\":") || comma < 0 || !json.endsWith("}")) {
            return json;
        }
        return "{" + json.substring(comma + 1, json.length() - 1) + "," + json.substring(1, comma) + "}";
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
