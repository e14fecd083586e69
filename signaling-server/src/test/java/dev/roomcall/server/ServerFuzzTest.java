package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.Protocol;
import dev.roomcall.signaling.SignalMessage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.TextFrame;
import org.junit.jupiter.api.Test;

/**
 * A legitimate call goes on, message for message, while other connections throw everything malformed at the
 * server: text that is not JSON, wrong types, missing fields, unknown and spoofed events, deep nesting, 10 MB
 * frames, binary garbage, invalid UTF-8 and floods, into another room and into the default room. The server
 * stays up, every offender is closed with a code that says why, and the call sees only its own messages.
 *
 * <p>Everybody here is 127.0.0.1, so the per-address join and connection limits (tested on their own in
 * {@link JoinLimitTest} and {@link LimitsTest}) are raised: otherwise the first offenders would use up the
 * address's allowance and the rest would never get to send anything.
 */
class ServerFuzzTest extends ServerTestSupport {

    /**
     * The per-connection rate limit, lowered so that a flood is one even on a machine too busy to send quickly;
     * the call's members send at most half of it.
     */
    private static final int RATE = 20;
    private static final int BURST = 40;
    private static final int CALL_MESSAGES = 40;
    private static final long CALL_PACE_MILLIS = 2 * 1000 / RATE;
    /** Malformed messages the offenders send in all (a few seconds' work); a busy machine gets more time, up to a cap. */
    private static final int MALFORMED_MESSAGES = 3000;
    private static final Duration ATTACK_TIME_CAP = Duration.ofSeconds(20);
    /** 10 MB frames in all: each costs the sender 10 MB of memory and a masking pass. */
    private static final int HUGE_FRAMES = 4;
    private static final String HUGE_TEXT = "x".repeat(10 * 1024 * 1024);
    /**
     * Each offender sends just enough for its limit to strike, then waits for the verdict: a client still
     * blasting away when the server closes it makes the server's TCP stack answer with a reset, which can
     * destroy the close frame in flight, and then nobody could tell what the server said.
     */
    private static final int FLOOD_MESSAGES = 5 * BURST;

    /** Codes a server may close an offender with, each with its meaning. */
    private static final Set<Integer> CLEAR_CODES = Set.of(
            StatusCode.POLICY_VIOLATION,    // 1008: too many invalid messages, invalid room name
            StatusCode.MESSAGE_TOO_LARGE,   // 1009: over 64 KiB
            StatusCode.BAD_PAYLOAD,         // 1007: a text frame that is not UTF-8
            Protocol.CLOSE_ROOM_FULL,       // 4001: room B already has two offenders in it
            Protocol.CLOSE_LIMIT);          // 4008: flooding

    private final Random random = new Random(20240611);

    @Test
    void aCallInOneRoomSeesEveryMessageInOrderWhileOthersThrowGarbageAtTheServer() throws Exception {
        start(c -> c.joinLimit(100_000, Duration.ofSeconds(1)).maxConnectionsPerAddress(1000).rateLimit(RATE, BURST));
        TestPeer a = joinedRoomcall("/room-a");
        TestPeer b = joinedRoomcall("/room-a");
        assertEquals(new SignalMessage.PeerJoined(), Signals.decode(a.nextText()));

        ExecutorService pool = Executors.newFixedThreadPool(6);
        AtomicInteger malformedSent = new AtomicInteger();
        Map<String, Integer> closes = new ConcurrentHashMap<>();
        long attackEnds = System.nanoTime() + ATTACK_TIME_CAP.toNanos();
        AtomicInteger hugeLeft = new AtomicInteger(HUGE_FRAMES);
        List<Future<?>> work = new ArrayList<>();
        try {
            work.add(pool.submit(() -> talk(a, "a")));
            work.add(pool.submit(() -> talk(b, "b")));
            for (int attacker = 0; attacker < 4; attacker++) {
                long seed = random.nextLong();
                int first = attacker;
                work.add(pool.submit(() -> attack(first, new Random(seed), malformedSent, hugeLeft, closes, attackEnds)));
            }
            for (Future<?> done : work) {
                done.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        for (int i = 0; i < CALL_MESSAGES; i++) {
            assertEquals(Signals.candidate("a-" + i), b.nextText(), "b's message " + i);
            assertEquals(Signals.candidate("b-" + i), a.nextText(), "a's message " + i);
        }
        // Nothing else arrives: a message sent now is the very next thing each of them sees.
        a.send(Signals.offer("after the storm"));
        assertEquals(Signals.offer("after the storm"), b.nextText());
        b.send(Signals.answer("after the storm"));
        assertEquals(Signals.answer("after the storm"), a.nextText());
        a.assertInboxEmpty();
        b.assertInboxEmpty();

        assertTrue(malformedSent.get() >= MALFORMED_MESSAGES, "the offenders sent " + malformedSent.get() + " malformed messages");
        assertTrue(closes.keySet().stream().noneMatch(k -> k.startsWith("unclear")),
                "offenders closed without a clear code: " + new TreeMap<>(closes));
        assertTrue(closes.keySet().containsAll(Set.of("1007", "1008", "4008")), "close codes seen: " + new TreeMap<>(closes));
        assertTrue(closes.containsKey("1009") || closes.containsKey("1009-cut-short"), "close codes seen: " + new TreeMap<>(closes));

        assertServerStillServes();
    }

    /** Sends this member's numbered messages at a pace no rate limit minds. */
    private void talk(TestPeer member, String name) {
        for (int i = 0; i < CALL_MESSAGES; i++) {
            member.send(Signals.candidate(name + "-" + i));
            sleep(CALL_PACE_MILLIS);
        }
    }

    /**
     * Opens offender after offender, each with one kind of abuse, until the budget or the time is spent. Each
     * sends until the server closes it; then the close code is recorded. The four attackers start with a
     * different quarter of the kinds each, so every kind is tried at least once; after that, chance decides.
     */
    private void attack(int attacker, Random random, AtomicInteger sent, AtomicInteger hugeLeft, Map<String, Integer> closes,
                        long endsAt) {
        List<Function<Random, Abuse>> kinds = List.of(
                r -> Abuse.text("not json " + r.nextInt()),
                r -> Abuse.text("{\"event\":\"_offer\",\"data\":{\"sdp\":{\"type\":" + r.nextInt() + ",\"sdp\":[]}}}"),
                r -> Abuse.text("{\"event\":\"_ice_candidate\",\"data\":{}}"),
                r -> Abuse.text("{\"event\":\"unknown-" + r.nextInt(1000) + "\",\"data\":{\"x\":1}}"),
                r -> Abuse.text("{\"event\":\"peer-left\"}"),
                r -> Abuse.text("{\"event\":\"joined\",\"data\":{\"room\":\"room-a\",\"peers\":1}}"),
                r -> Abuse.text("{\"sdp\":{\"type\":\"offer\",\"sdp\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}}"),
                r -> Abuse.text("{\"candidate\":{\"candidate\":\"x\",\"sdpMLineIndex\":1e999999999}}"),
                r -> Abuse.binary(bytes(r, 1 + r.nextInt(2000))),
                r -> Abuse.invalidUtf8(),
                r -> Abuse.huge(),
                r -> Abuse.flood());
        List<String> paths = List.of("/room-b", "/", "/?room=default", "/room-b?room=room-a");
        for (int round = 0; sent.get() < MALFORMED_MESSAGES && System.nanoTime() < endsAt; round++) {
            int kind = round * 4 + attacker < kinds.size() ? round * 4 + attacker : random.nextInt(kinds.size());
            Abuse abuse = kinds.get(kind).apply(random);
            if (abuse.isHuge() && hugeLeft.getAndDecrement() <= 0) {
                continue;
            }
            // A huge frame gets a room of its own: in a full room the server closes the offender (4001) before it
            // reads the frame, and the few huge frames allowed would then never show what the server does with one.
            String path = abuse.isHuge() ? "/huge-" + attacker + "-" + round : paths.get(random.nextInt(paths.size()));
            TestPeer offender = random.nextBoolean()
                    ? TestPeer.roomcall(server.uri(), path)
                    : TestPeer.plain(server.uri(), path);
            try {
                for (int i = 0; i < abuse.sends() && !offender.isClosed(); i++) {
                    abuse.sendOnce(offender);
                    sent.incrementAndGet();
                }
            } catch (WebsocketNotConnectedException closedByServer) {
                // The server has had enough of this one.
            }
            TestPeer.Closed closed = offender.awaitClose();
            String key = CLEAR_CODES.contains(closed.code()) && !closed.reason().isEmpty()
                    ? String.valueOf(closed.code())
                    // 10 MB cannot be taken back once sent: the close frame may drown in the reset (see FLOOD_MESSAGES).
                    : closed.code() == 1006 && abuse.isHuge() ? "1009-cut-short" : "unclear " + closed + " after " + abuse;
            closes.merge(key, 1, Integer::sum);
        }
    }

    private void assertServerStillServes() throws Exception {
        TestPeer c = joinedRoomcall("/room-c");
        TestPeer d = joinedRoomcall("/room-c");
        c.send(Signals.offer("fresh"));
        assertEquals(Signals.offer("fresh"), d.nextText());
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.httpUri()).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** One kind of abuse, sent again and again on one connection. */
    private record Abuse(String kind, String text, byte[] binary) {

        /** How many to send: as many as the server takes before it must close the connection. */
        int sends() {
            switch (kind) {
                case "huge":
                case "invalid-utf8":
                    return 1;
                case "flood":
                    return FLOOD_MESSAGES;
                default:
                    return SignalingEndpoint.MAX_INVALID_MESSAGES;
            }
        }

        static Abuse text(String text) {
            return new Abuse("text", text, null);
        }

        static Abuse binary(byte[] bytes) {
            return new Abuse("binary", null, bytes);
        }

        static Abuse invalidUtf8() {
            return new Abuse("invalid-utf8", null, new byte[] {'{', '"', (byte) 0xc3, (byte) 0x28, '"', '}'});
        }

        /** 10 MB in one frame. */
        static Abuse huge() {
            return new Abuse("huge", HUGE_TEXT, null);
        }

        /** Well-formed messages, as fast as the socket takes them. */
        static Abuse flood() {
            return new Abuse("flood", Signals.candidate("flood"), null);
        }

        boolean isHuge() {
            return kind.equals("huge");
        }

        void sendOnce(TestPeer peer) {
            switch (kind) {
                case "binary" -> peer.send(ByteBuffer.wrap(binary));
                case "invalid-utf8" -> {
                    TextFrame frame = new TextFrame();
                    frame.setPayload(ByteBuffer.wrap(binary));
                    frame.setFin(true);
                    peer.sendFrame(frame);
                }
                default -> peer.send(text);
            }
        }

        @Override
        public String toString() {
            return kind + (text == null ? "" : " " + text.substring(0, Math.min(60, text.length())));
        }
    }
}
