package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Rooms used from many threads at once, as Jetty's threads use them: each room keeps its own order and its own
 * members while others relay, join and leave beside it.
 */
class RoomsConcurrencyTest {

    /** Keeps the texts it is sent; thread-safe because several rooms' threads never share one member. */
    private static final class Recorder implements Member {
        private static final AtomicInteger IDS = new AtomicInteger();
        final int id = IDS.incrementAndGet();
        final List<String> texts = new CopyOnWriteArrayList<>();

        @Override
        public int id() {
            return id;
        }

        @Override
        public boolean speaksExtensions() {
            return false;
        }

        @Override
        public void send(Payload payload) {
            texts.add(StandardCharsets.UTF_8.decode(payload.buffer()).toString());
        }

        @Override
        public void close(int code, String reason) {}
    }

    @Test
    void roomsRelayingInParallelEachDeliverTheirOwnMessagesInOrder() throws Exception {
        Rooms rooms = new Rooms(16, 2, List.of());
        int roomCount = 8;
        int messages = 5_000;
        List<Recorder> receivers = new ArrayList<>();
        List<Recorder> senders = new ArrayList<>();
        for (int r = 0; r < roomCount; r++) {
            Recorder sender = new Recorder();
            Recorder receiver = new Recorder();
            RoomName name = new RoomName("room-" + r);
            assertTrue(rooms.join(sender, name));
            assertTrue(rooms.join(receiver, name));
            senders.add(sender);
            receivers.add(receiver);
        }
        ExecutorService pool = Executors.newFixedThreadPool(roomCount);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int r = 0; r < roomCount; r++) {
            int room = r;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < messages; i++) {
                    rooms.relay(senders.get(room), new Payload.Text("{\"candidate\":{\"candidate\":\"r" + room + " " + i
                            + "\",\"sdpMid\":\"0\"}}"));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        for (int r = 0; r < roomCount; r++) {
            List<String> got = receivers.get(r).texts;
            assertEquals(messages, got.size(), "room " + r);
            for (int i = 0; i < messages; i++) {
                assertTrue(got.get(i).contains("\"r" + r + " " + i + "\""), "room " + r + " message " + i + ": " + got.get(i));
            }
        }
    }

    @Test
    void joinsAndLeavesRacingOnOneRoomNeverPutThreeInItOrLoseIt() throws Exception {
        Rooms rooms = new Rooms(16, 2, List.of());
        RoomName name = new RoomName("busy");
        int threads = 6;
        int rounds = 2_000;
        AtomicInteger joined = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < rounds; i++) {
                    Recorder member = new Recorder();
                    if (rooms.join(member, name)) {
                        joined.incrementAndGet();
                        assertTrue(rooms.memberCount() <= 2 * threads);
                        rooms.relay(member, new Payload.Text("{\"candidate\":{\"candidate\":\"x\",\"sdpMid\":\"0\"}}"));
                        rooms.leave(member, "done");
                    } else {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals(threads * rounds, joined.get() + refused.get());
        assertTrue(joined.get() > 0);
        assertEquals(0, rooms.memberCount(), "everyone left");
        assertEquals(0, rooms.roomCount(), "an emptied room is gone, not left behind half-retired");
        assertEquals(0, rooms.queuedCount());
    }
}
