package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;

/** A real server on an ephemeral loopback port per test, serving the stand-in page, and the clients a test opened. */
abstract class ServerTestSupport {

    static final String TEST_WEB_ROOT = "test-web";

    protected SignalingServer server;
    private final List<TestPeer> peers = new ArrayList<>();

    static ServerConfig.Builder testConfig() {
        return ServerConfig.builder().host("127.0.0.1").port(0).webRoot(TEST_WEB_ROOT);
    }

    protected SignalingServer start() {
        return start(config -> { });
    }

    protected SignalingServer start(Consumer<ServerConfig.Builder> customise) {
        try {
            ServerConfig.Builder config = testConfig();
            customise.accept(config);
            server = SignalingServer.start(config.build());
        } catch (IOException e) {
            throw new AssertionError("server did not start", e);
        }
        return server;
    }

    protected TestPeer roomcall(String path) {
        return track(TestPeer.roomcall(server.uri(), path));
    }

    protected TestPeer plain(String path) {
        return track(TestPeer.plain(server.uri(), path));
    }

    /** A roomcall.v1 member already admitted to its room: its {@code joined} has been received and checked. */
    protected TestPeer joinedRoomcall(String path) {
        TestPeer peer = roomcall(path);
        assertInstanceOf(SignalMessage.Joined.class, SignalCodec.decode(peer.nextText()), "first message to " + path);
        return peer;
    }

    /**
     * A plain member already admitted to its room. The handshake completes before the server runs
     * the join, so tests that care who joined first wait for it.
     */
    protected TestPeer joinedPlain(String path) {
        int before = server.activeMembers();
        TestPeer peer = plain(path);
        awaitActiveMembers(before + 1);
        return peer;
    }

    private TestPeer track(TestPeer peer) {
        peers.add(peer);
        return peer;
    }

    /** Waits (bounded) until the server has processed departures, e.g. after a client closed. */
    protected void awaitActiveRooms(int expected) {
        awaitCount("active rooms", expected, server::activeRooms);
    }

    /** Waits (bounded) until this many connections are room members. */
    protected void awaitActiveMembers(int expected) {
        awaitCount("room members", expected, server::activeMembers);
    }

    /** Waits (bounded) until the server holds this many messages for next joiners. */
    protected void awaitQueuedMessages(int expected) {
        awaitCount("queued messages", expected, server::queuedMessages);
    }

    private static void awaitCount(String what, int expected, IntSupplier actual) {
        long deadline = System.nanoTime() + TestPeer.TIMEOUT_SECONDS * 1_000_000_000L;
        while (actual.getAsInt() != expected) {
            if (System.nanoTime() > deadline) {
                fail("expected " + expected + " " + what + ", still " + actual.getAsInt());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @AfterEach
    void stopEverything() {
        peers.forEach(TestPeer::closeQuietly);
        if (server != null) {
            server.close();
        }
    }
}
