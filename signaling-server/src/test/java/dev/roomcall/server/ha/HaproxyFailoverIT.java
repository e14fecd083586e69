package dev.roomcall.server.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.roomcall.testkit.LoopbackHaproxy;
import dev.roomcall.testkit.NodeCluster;
import dev.roomcall.testkit.NodeProcess;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several signaling nodes behind HAProxy, all on loopback: three standalone nodes (processes of the built
 * roomcall-server.jar) behind Debian's haproxy running packaging/server/haproxy.cfg, and 50 rooms of two headless
 * members (SignalingClient, roomcall.v1 over wss) that keep sending each other numbered messages. Both members of
 * every room are always on the same node; a drained node's rooms are together again on the others within 5 s, a
 * killed node's within the reconnect back-off; a node that returns takes new rooms but moves no existing one; no
 * message arrives twice or in the wrong room.
 */
class HaproxyFailoverIT {

    private static final int ROOMS = 50;
    /** What the issue asks of a drain: the node's --drain-notice (2 s) plus the move itself. */
    private static final Duration DRAIN_REUNION = Duration.ofSeconds(5);
    /**
     * A killed node gives no notice: members back off (0.5 s, 1 s, 2 s, 4 s, each up to a quarter shorter) while
     * HAProxy notices the dead node; the first four waits add up to 7.5 s.
     */
    private static final Duration KILL_REUNION = Duration.ofMillis(7500);

    private NodeCluster cluster;
    private final List<HeadlessMember> members = new ArrayList<>();
    private ScheduledExecutorService sender;
    private URI proxy;
    private KeyStore trust;

    @AfterEach
    void stopEverything() {
        if (sender != null) {
            sender.shutdownNow();
        }
        members.forEach(HeadlessMember::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void roomsStayTogetherThroughADrainAndAKill() throws Exception {
        // Rooms of two: a third connection (the probe) is refused by the node that holds both members.
        cluster = NodeCluster.start(NodeCluster.Parts.fromProperties("target/roomcall-server.jar",
                "../packaging/server/haproxy.cfg"), Path.of("target", "ha-it"), 3, "--room-size", "2",
                "--drain-notice", "2s", "--drain-timeout", "10s");
        LoopbackHaproxy haproxy = cluster.haproxy();
        proxy = URI.create("wss://127.0.0.1:" + haproxy.port);
        trust = haproxy.trustStore();

        for (int r = 0; r < ROOMS; r++) {
            String room = "ha-room-" + r;
            HeadlessMember a = new HeadlessMember(proxy, trust, room, "a", "b");
            HeadlessMember b = new HeadlessMember(proxy, trust, room, "b", "a");
            members.add(a);
            members.add(b);
            a.connect();
            b.connect();
        }
        awaitTrue("every room's two members meet", Duration.ofSeconds(60), this::everyRoomTogether);
        sender = Executors.newSingleThreadScheduledExecutor();
        sender.scheduleAtFixedRate(() -> members.forEach(HeadlessMember::sendNext), 0, 250, TimeUnit.MILLISECONDS);

        Map<String, String> before = whereRoomsAre();
        for (NodeProcess node : cluster.nodes()) {
            assertTrue(before.containsValue(node.name), "no room hashed to " + node.name + ": " + before);
        }

        long drainStarted = System.nanoTime();
        NodeProcess drained = busiest(before, cluster.nodes());
        Duration drainTook = failOver(before, drained, NodeProcess::terminate);
        System.out.printf("drain of %s: its %d rooms together again after %d ms%n", drained.name,
                roomsOn(before, drained), drainTook.toMillis());
        assertTrue(drainTook.compareTo(DRAIN_REUNION) <= 0, "rooms of the drained node took " + drainTook);
        assertEquals(143, drained.awaitExit(Duration.ofSeconds(15)), "a drained node ends as SIGTERM asks");

        Map<String, String> afterDrain = whereRoomsAre();
        assertTrue(!afterDrain.containsValue(drained.name), "a room is still on the drained node: " + afterDrain);
        assertUnmoved(before, afterDrain, drained);

        List<NodeProcess> survivors = cluster.alive();
        long killStarted = System.nanoTime();
        NodeProcess killed = busiest(afterDrain, survivors);
        Duration killTook = failOver(afterDrain, killed, NodeProcess::kill);
        System.out.printf("kill of %s: its %d rooms together again after %d ms%n", killed.name,
                roomsOn(afterDrain, killed), killTook.toMillis());
        assertTrue(killTook.compareTo(KILL_REUNION) <= 0, "rooms of the killed node took " + killTook);

        Map<String, String> afterKill = whereRoomsAre();
        assertTrue(!afterKill.containsValue(killed.name), "a room is still on the killed node: " + afterKill);
        assertUnmoved(afterDrain, afterKill, killed);

        // The drained node returns (upgraded, say). New rooms may go to it again, but every existing room stays where
        // it is: a member reconnecting now (here, the probe) must still find its peer, not an empty room there.
        NodeProcess returned = cluster.restart(drained, "--room-size", "2");
        awaitTrue("HAProxy sends a new room to the returned node", Duration.ofSeconds(20),
                () -> newRoomLandsOn(returned.name));
        assertEquals(afterKill, whereRoomsAre(), "rooms stay on their node when another returns");

        // Whatever is sent now, with everyone settled, arrives; nothing ever arrived twice or in the wrong room.
        sender.shutdownNow();
        sender.awaitTermination(5, TimeUnit.SECONDS);
        members.forEach(HeadlessMember::sendNext);
        awaitTrue("the last message of every member reaches its peer", Duration.ofSeconds(10), this::lastMessagesArrived);
        List<String> problems = members.stream().flatMap(m -> m.problems().stream()).collect(Collectors.toList());
        assertEquals(List.of(), problems);
        long sent = members.stream().mapToLong(HeadlessMember::sentCount).sum();
        long received = members.stream().mapToLong(HeadlessMember::receivedCount).sum();
        System.out.printf("messages: %d sent, %d received, %d lost in moves%n", sent, received, sent - received);
        Map<String, HeadlessMember> byRoomAndName = new HashMap<>();
        members.forEach(m -> byRoomAndName.put(m.room + "/" + m.name, m));
        long lostBeforeDrain = 0;
        long lostInDrain = 0;
        long lostInKill = 0;
        for (HeadlessMember m : members) {
            for (long at : m.lostSendTimes(byRoomAndName.get(m.room + "/" + m.peerName))) {
                if (at < drainStarted) {
                    lostBeforeDrain++;
                } else if (at < killStarted) {
                    lostInDrain++;
                } else {
                    lostInKill++;
                }
            }
        }
        System.out.printf("lost messages by when they were sent: %d before the drain, %d from the drain to the kill, "
                + "%d after the kill%n", lostBeforeDrain, lostInDrain, lostInKill);
        assertEquals(0, lostBeforeDrain, "nothing is lost while every node is up");
    }

    /**
     * Ends {@code victim} the given way and waits until each of its rooms has both members reconnected and together
     * again, while every other room stays together.
     */
    private Duration failOver(Map<String, String> where, NodeProcess victim, java.util.function.Consumer<NodeProcess> end)
            throws Exception {
        Map<HeadlessMember, Integer> opensBefore = new HashMap<>();
        members.forEach(m -> opensBefore.put(m, m.opens()));
        List<HeadlessMember> moving = members.stream().filter(m -> victim.name.equals(where.get(m.room)))
                .collect(Collectors.toList());
        long started = System.nanoTime();
        end.accept(victim);
        awaitTrue("the rooms of " + victim.name + " together elsewhere", Duration.ofSeconds(30),
                () -> moving.stream().allMatch(m -> m.opens() > opensBefore.get(m) && m.isWithPeer()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        awaitTrue("every room together", Duration.ofSeconds(10), this::everyRoomTogether);
        return took;
    }

    private int newRooms;

    /** Whether a fresh room (one member, the probe) is routed to the node {@code name}. */
    private boolean newRoomLandsOn(String name) {
        try {
            return name.equals(RoomProbe.probe(proxy, trust, "new-room-" + newRooms++).node());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private boolean everyRoomTogether() {
        return members.stream().allMatch(HeadlessMember::isWithPeer);
    }

    private boolean lastMessagesArrived() {
        Map<String, HeadlessMember> byRoomAndName = new HashMap<>();
        members.forEach(m -> byRoomAndName.put(m.room + "/" + m.name, m));
        return members.stream().allMatch(m -> byRoomAndName.get(m.room + "/" + m.peerName).received(m.sentCount()));
    }

    /** Asks, room by room, which node holds both members; fails if any room's members are not together. */
    private Map<String, String> whereRoomsAre() throws Exception {
        Map<String, String> where = new HashMap<>();
        for (HeadlessMember member : members) {
            if (where.containsKey(member.room)) {
                continue;
            }
            RoomProbe.Answer answer = RoomProbe.probe(proxy, trust, member.room);
            if (!answer.bothMembersThere()) {
                fail(member.room + ": the probe was sent to " + answer.node() + " and not refused as a third member ("
                        + answer.closeCode() + "), so the two members are not together there");
            }
            where.put(member.room, answer.node());
        }
        return where;
    }

    /** Rooms that were not on the node that went away stay where they were. */
    private static void assertUnmoved(Map<String, String> before, Map<String, String> after, NodeProcess gone) {
        before.forEach((room, node) -> {
            if (!node.equals(gone.name)) {
                assertEquals(node, after.get(room), room + " moved although its node stayed");
            }
        });
    }

    private static NodeProcess busiest(Map<String, String> where, List<NodeProcess> candidates) {
        return candidates.stream().max(Comparator.comparingLong(n -> roomsOn(where, n))).orElseThrow();
    }

    private static long roomsOn(Map<String, String> where, NodeProcess node) {
        return where.values().stream().filter(node.name::equals).count();
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + timeout + ": " + what);
            }
            Thread.sleep(20);
        }
    }
}
