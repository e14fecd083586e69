package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.SignalMessage.Answer;
import dev.roomcall.signaling.SignalMessage.Bye;
import dev.roomcall.signaling.SignalMessage.Candidate;
import dev.roomcall.signaling.SignalMessage.Invalid;
import dev.roomcall.signaling.SignalMessage.Joined;
import dev.roomcall.signaling.SignalMessage.Offer;
import dev.roomcall.signaling.SignalMessage.PeerJoined;
import dev.roomcall.signaling.SignalMessage.PeerLeft;
import dev.roomcall.signaling.SignalMessage.Problem;
import dev.roomcall.signaling.SignalMessage.RoomFull;
import dev.roomcall.signaling.SignalMessage.ServerError;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignalCodecTest {

    /** The messages a real Chromium produced, see src/test/resources/captured-chromium/README.md. */
    static Stream<Path> chromiumFixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(SignalCodecTest.class.getResource("/captured-chromium").toURI());
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(dir)) {
            fixtures = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        return fixtures.stream();
    }

    private static String read(Path fixture) throws IOException {
        return Files.readString(fixture, StandardCharsets.UTF_8);
    }

    private static Dialect dialectOf(Path fixture) {
        return fixture.getFileName().toString().contains("-bare") ? Dialect.BARE : Dialect.EVENT;
    }

    @Nested
    class WhatChromiumSent {

        @Test
        void fixturesCoverOfferAnswerAndCandidateInBothDialects() throws Exception {
            Set<String> kinds = chromiumFixtures()
                    .map(p -> p.getFileName().toString().replaceAll("-\\d+\\.json$|\\.json$", ""))
                    .collect(Collectors.toSet());
            assertEquals(Set.of("offer-event", "answer-event", "candidate-event", "offer-bare", "answer-bare", "candidate-bare"), kinds);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roomcall.signaling.SignalCodecTest#chromiumFixtures")
        void decodesToTheRightMessageAndEncodesBackByteForByte(Path fixture) throws IOException {
            String json = read(fixture);
            SignalMessage message = SignalCodec.decode(json);

            String name = fixture.getFileName().toString();
            Class<?> expected = name.startsWith("offer") ? Offer.class : name.startsWith("answer") ? Answer.class : Candidate.class;
            assertInstanceOf(expected, message, () -> "decoded " + name + " as " + message);
            assertEquals(json, SignalCodec.encode(message, dialectOf(fixture)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.roomcall.signaling.SignalCodecTest#chromiumFixtures")
        void decodesTheSameBytesInABinaryFrame(Path fixture) throws IOException {
            byte[] bytes = Files.readAllBytes(fixture);
            assertEquals(SignalCodec.decode(read(fixture)), SignalCodec.decode(ByteBuffer.wrap(bytes)));
        }

        @Test
        void keepsTheSdpAndCandidateFieldsIntact() throws Exception {
            Path dir = Path.of(SignalCodecTest.class.getResource("/captured-chromium").toURI());
            Offer offer = (Offer) SignalCodec.decode(read(dir.resolve("offer-event.json")));
            assertEquals("offer", offer.description().type());
            assertTrue(offer.description().sdp().startsWith("v=0\r\no="), offer.description().sdp().substring(0, 20));

            Candidate candidate = (Candidate) SignalCodec.decode(read(dir.resolve("candidate-event-0.json")));
            assertTrue(candidate.candidate().candidate().startsWith("candidate:"));
            assertEquals("0", candidate.candidate().sdpMid());
            assertEquals(0, candidate.candidate().sdpMLineIndex());
        }
    }

    @Nested
    class Encoding {

        @Test
        void writesCharactersLikeJsonStringifyWithoutHtmlEscaping() {
            SessionDescription d = new SessionDescription("offer", "v=0\r\na=x:<y> & 'z' \"q\" \\ \u00e9\u20ac\t");
            assertEquals("{\"event\":\"_offer\",\"data\":{\"sdp\":{\"type\":\"offer\",\"sdp\":"
                    + "\"v=0\\r\\na=x:<y> & 'z' \\\"q\\\" \\\\ \u00e9\u20ac\\t\"}}}", SignalCodec.encode(new Offer(d)));
        }

        @Test
        void writesCandidatesInChromiumsFieldOrderWithNullForAnAbsentMid() {
            IceCandidate c = new IceCandidate("candidate:1 1 udp 1 192.0.2.1 5000 typ host", null, 1);
            assertEquals("{\"candidate\":{\"candidate\":\"candidate:1 1 udp 1 192.0.2.1 5000 typ host\",\"sdpMid\":null,\"sdpMLineIndex\":1}}",
                    SignalCodec.encode(new Candidate(c), Dialect.BARE));
        }

        @Test
        void writesEveryExtensionInTheEventDialectWhateverDialectIsAsked() {
            Joined joined = new Joined("abcd-efgh-jkmnp", 1, List.of(IceServer.stun("stun:stun.example:3478"),
                    new IceServer(List.of("turn:turn.example"), "u", "p")));
            assertEquals("{\"event\":\"joined\",\"data\":{\"room\":\"abcd-efgh-jkmnp\",\"peers\":1,\"iceServers\":["
                    + "{\"urls\":[\"stun:stun.example:3478\"]},{\"urls\":[\"turn:turn.example\"],\"username\":\"u\",\"credential\":\"p\"}]}}",
                    SignalCodec.encode(joined, Dialect.BARE));
            assertEquals("{\"event\":\"joined\",\"data\":{\"room\":\"r\",\"peers\":1,\"iceServers\":[],\"queued\":2}}",
                    SignalCodec.encode(new Joined("r", 1, List.of(), 2)), "queued is written only when messages follow");
            assertEquals("{\"event\":\"peer-joined\"}", SignalCodec.encode(new PeerJoined()));
            assertEquals("{\"event\":\"peer-left\"}", SignalCodec.encode(new PeerLeft()));
            assertEquals("{\"event\":\"room-full\",\"data\":{\"room\":\"r\"}}", SignalCodec.encode(new RoomFull("r")));
            assertEquals("{\"event\":\"bye\"}", SignalCodec.encode(new Bye()));
            assertEquals("{\"event\":\"error\",\"data\":{\"code\":\"bad-room\",\"message\":\"no\"}}",
                    SignalCodec.encode(new ServerError("bad-room", "no")));
        }

        @Test
        void asksForRelayOnlyWithTheBrowsersOwnPolicyNameAndSaysNothingOtherwise() {
            Joined relay = new Joined("r", 0, List.of(new IceServer(List.of("turn:turn.example"), "u", "p")), 0, true);
            assertEquals("{\"event\":\"joined\",\"data\":{\"room\":\"r\",\"peers\":0,\"iceServers\":["
                    + "{\"urls\":[\"turn:turn.example\"],\"username\":\"u\",\"credential\":\"p\"}],"
                    + "\"iceTransportPolicy\":\"relay\"}}", SignalCodec.encode(relay));
            assertEquals("{\"event\":\"joined\",\"data\":{\"room\":\"r\",\"peers\":1,\"iceServers\":[]}}",
                    SignalCodec.encode(new Joined("r", 1, List.of(), 0, false)), "policy 'all' is the default and left out");
        }

        @Test
        void readsThePolicyAsTheBrowserDoesWithAllAsTheDefault() {
            String welcome = "{\"event\":\"joined\",\"data\":{\"room\":\"r\",\"peers\":0,\"iceServers\":[]%s}}";
            assertTrue(((Joined) SignalCodec.decode(welcome.formatted(",\"iceTransportPolicy\":\"relay\""))).relayOnly());
            assertFalse(((Joined) SignalCodec.decode(welcome.formatted(",\"iceTransportPolicy\":\"all\""))).relayOnly());
            assertFalse(((Joined) SignalCodec.decode(welcome.formatted(",\"iceTransportPolicy\":null"))).relayOnly());
            assertFalse(((Joined) SignalCodec.decode(welcome.formatted(""))).relayOnly(), "older servers say nothing");
        }

        static Stream<SignalMessage> everyKindOfMessage() {
            SessionDescription offer = new SessionDescription("offer", "v=0\r\n");
            return Stream.of(new Offer(offer), new Answer(new SessionDescription("answer", "v=0\r\n")),
                    new Candidate(new IceCandidate("candidate:1", "0", 0, "uf")), new Candidate(new IceCandidate("", "0", null)),
                    new Joined("default", 0, List.of()), new Joined("r", 1, List.of(IceServer.stun("stun:s"))),
                    new Joined("r", 1, List.of(), 3), new Joined("r", 1, List.of(), 3, true), new PeerJoined(), new PeerLeft(), new RoomFull("r"), new Bye(), new ServerError("c", "m"),
                    // group calls
                    new Offer(offer, "p1", "p2"), new Answer(new SessionDescription("answer", "v=0\r\n"), "p2", "p1"),
                    new Candidate(new IceCandidate("candidate:1", "0", 0, "uf"), "p3", "p1"),
                    new Joined("r", 2, List.of(), 0, false, "p3",
                            List.of(new SignalMessage.Peer("p1", "Ann", false), new SignalMessage.Peer("p2", "", true)), 4),
                    new PeerJoined("p4", "", false), new PeerJoined("p2", "", true), new PeerLeft("p2", "Bea"),
                    new SignalMessage.PeerName("p1", "Ann"), new SignalMessage.Hello("Ann"),
                    new RoomFull("r", "a page without group calls limits this room to two"),
                    // rooms on the media server
                    new SignalMessage.Sfu("wss://sfu.example.org/janus", 1_234_567, "pin"));
        }

        @ParameterizedTest
        @MethodSource("everyKindOfMessage")
        void roundTripsInTheEventDialect(SignalMessage message) {
            assertEquals(message, SignalCodec.decode(SignalCodec.encode(message, Dialect.EVENT)));
        }

        @ParameterizedTest
        @MethodSource("everyKindOfMessage")
        void roundTripsInTheBareDialect(SignalMessage message) {
            assertEquals(message, SignalCodec.decode(SignalCodec.encode(message, Dialect.BARE)));
        }
    }

    @Nested
    class BadInput {

        static Stream<Arguments> malformed() {
            return Stream.of(
                    Arguments.of("not JSON", "hello", Problem.MALFORMED, "not JSON: syntax error at line 1 column"),
                    Arguments.of("empty", "", Problem.MALFORMED, "empty"),
                    Arguments.of("array", "[{\"sdp\":{}}]", Problem.MALFORMED, "not a JSON object"),
                    Arguments.of("string", "\"offer\"", Problem.MALFORMED, "not a JSON object"),
                    Arguments.of("trailing garbage", "{\"event\":\"bye\"} x", Problem.MALFORMED, "trailing data"),
                    Arguments.of("two values", "{\"event\":\"bye\"}{\"event\":\"bye\"}", Problem.MALFORMED, "trailing data"),
                    Arguments.of("cut short in a string", "{\"event\":\"by", Problem.MALFORMED, "ends too early"),
                    Arguments.of("cut short", "{\"event\":\"bye\"", Problem.MALFORMED, "ends too early"),
                    Arguments.of("lenient JSON", "{event:'bye'}", Problem.MALFORMED, "not JSON"),
                    Arguments.of("event not a string", "{\"event\":5}", Problem.MALFORMED, "'event' is not a string"),
                    Arguments.of("data not an object", "{\"event\":\"_offer\",\"data\":[]}", Problem.MALFORMED, "'data' is not an object"),
                    Arguments.of("offer without sdp", "{\"event\":\"_offer\",\"data\":{}}", Problem.MALFORMED, "'sdp' is missing"),
                    Arguments.of("sdp without type", "{\"sdp\":{\"sdp\":\"v=0\"}}", Problem.MALFORMED, "'type' is missing"),
                    Arguments.of("sdp body a number", "{\"sdp\":{\"type\":\"offer\",\"sdp\":1}}", Problem.MALFORMED, "'sdp' is not a string"),
                    Arguments.of("answer in an offer event",
                            "{\"event\":\"_offer\",\"data\":{\"sdp\":{\"type\":\"answer\",\"sdp\":\"v=0\"}}}", Problem.MALFORMED, "type 'answer'"),
                    Arguments.of("candidate without mid or index",
                            "{\"candidate\":{\"candidate\":\"candidate:1\"}}", Problem.MALFORMED, "neither sdpMid nor sdpMLineIndex"),
                    Arguments.of("fractional line index",
                            "{\"candidate\":{\"candidate\":\"c\",\"sdpMLineIndex\":0.5}}", Problem.MALFORMED, "not a whole number"),
                    Arguments.of("negative line index",
                            "{\"candidate\":{\"candidate\":\"c\",\"sdpMLineIndex\":-1}}", Problem.MALFORMED, "negative"),
                    Arguments.of("null candidate", "{\"event\":\"_ice_candidate\",\"data\":{\"candidate\":null}}",
                            Problem.MALFORMED, "'candidate' is not an object"),
                    Arguments.of("joined without peers", "{\"event\":\"joined\",\"data\":{\"room\":\"r\"}}", Problem.MALFORMED, "'peers' is missing"),
                    Arguments.of("joined with negative peers", "{\"event\":\"joined\",\"data\":{\"room\":\"r\",\"peers\":-1}}",
                            Problem.MALFORMED, "'peers' is negative"),
                    Arguments.of("joined with an unknown ICE policy",
                            "{\"event\":\"joined\",\"data\":{\"room\":\"r\",\"peers\":0,\"iceTransportPolicy\":\"none\"}}",
                            Problem.MALFORMED, "'iceTransportPolicy' must be 'all' or 'relay', was 'none'"),
                    Arguments.of("joined with a boolean ICE policy",
                            "{\"event\":\"joined\",\"data\":{\"room\":\"r\",\"peers\":0,\"iceTransportPolicy\":true}}",
                            Problem.MALFORMED, "'iceTransportPolicy' is not a string"),
                    Arguments.of("unknown event", "{\"event\":\"_hello\",\"data\":{}}", Problem.UNKNOWN, "unknown event '_hello'"),
                    Arguments.of("rollback", "{\"sdp\":{\"type\":\"rollback\",\"sdp\":\"\"}}", Problem.UNKNOWN, "sdp type 'rollback'"),
                    Arguments.of("neither dialect", "{\"hello\":1}", Problem.UNKNOWN, "neither an event nor an sdp or candidate"),
                    Arguments.of("10 MB string", "\"" + "x".repeat(10 * 1024 * 1024) + "\"", Problem.TOO_LARGE, "exceeds 65536"),
                    Arguments.of("64 K characters of 3-byte UTF-8", "{\"event\":\"bye\",\"x\":\"" + "\u20ac".repeat(30_000) + "\"}",
                            Problem.TOO_LARGE, "bytes exceeds 65536"),
                    Arguments.of("10k levels deep", "[".repeat(10_000) + "]".repeat(10_000), Problem.MALFORMED, "nested deeper than 16 levels"),
                    Arguments.of("10k levels deep object", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000), Problem.MALFORMED, "nested deeper than 16 levels"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("malformed")
        void becomesInvalidWithAReadableDetail(String what, String text, Problem problem, String detail) {
            SignalMessage message = SignalCodec.decode(text);
            Invalid invalid = assertInstanceOf(Invalid.class, message, what);
            assertEquals(problem, invalid.problem(), invalid.detail());
            assertTrue(invalid.detail().contains(detail), () -> "'" + invalid.detail() + "' should mention '" + detail + "'");
            assertTrue(invalid.detail().length() < 200, "detail stays short: " + invalid.detail().length());
        }

        @Test
        void rejectsBinaryFramesThatAreNotUtf8() {
            byte[] bytes = {'{', '"', 'e', 'v', 'e', 'n', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            Invalid invalid = assertInstanceOf(Invalid.class, SignalCodec.decode(ByteBuffer.wrap(bytes)));
            assertEquals(Problem.MALFORMED, invalid.problem());
            assertEquals("binary frame is not UTF-8 text", invalid.detail());
        }

        @Test
        void rejectsOversizedBinaryFramesBeforeDecodingThem() {
            Invalid invalid = assertInstanceOf(Invalid.class, SignalCodec.decode(ByteBuffer.allocate(SignalCodec.MAX_MESSAGE_BYTES + 1)));
            assertEquals(Problem.TOO_LARGE, invalid.problem());
        }

        @Test
        void leavesTheCallersBufferUntouched() {
            ByteBuffer buffer = ByteBuffer.wrap("{\"event\":\"bye\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(new Bye(), SignalCodec.decode(buffer));
            assertEquals(0, buffer.position());
        }

        @Test
        void acceptsAMessageOfExactlyTheLimit() {
            String prefix = "{\"event\":\"bye\",\"pad\":\"";
            String text = prefix + "x".repeat(SignalCodec.MAX_MESSAGE_BYTES - prefix.length() - 2) + "\"}";
            assertEquals(SignalCodec.MAX_MESSAGE_BYTES, text.getBytes(StandardCharsets.UTF_8).length);
            assertEquals(new Bye(), SignalCodec.decode(text));
        }
    }
}
