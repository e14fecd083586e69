package dev.roomcall.bench.relay;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Open-loop load beside the idle members: {@code pairs} rooms of two, each member sending numbered candidates at a
 * fixed rate (spread evenly over the period, not in one burst), each arrival timed and checked for order, duplicates
 * and room. A fixed rate, unlike a closed loop, keeps sending while the relay stalls, so a stall shows in the latency.
 */
final class ActivePairs implements AutoCloseable {

    private final Recorder latencies = new Recorder(3);
    private final LongAdder delivered = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final List<PairMember> members = new ArrayList<>();
    private final WebSocketClient client = new WebSocketClient();
    private final ScheduledExecutorService senders = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "capacity-sender");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;
    private volatile LatencyTimeline timeline;

    /** Connects {@code pairs} rooms ({@code /<prefix>-<n>}), both members of each, and waits until all are open. */
    ActivePairs(URI base, String roomPrefix, String subprotocol, int pairs) throws Exception {
        client.getHttpClient().setMaxConnectionsPerDestination(Math.max(64, 2 * pairs));
        client.setIdleTimeout(Duration.ofMinutes(30));
        client.start();
        try {
            List<CompletableFuture<Session>> connecting = new ArrayList<>();
            for (int room = 0; room < pairs; room++) {
                for (int side = 0; side < 2; side++) {
                    PairMember member = new PairMember(this, room, side);
                    members.add(member);
                    ClientUpgradeRequest request = new ClientUpgradeRequest();
                    if (subprotocol != null) {
                        request.setSubProtocols(subprotocol);
                    }
                    connecting.add(client.connect(member, base.resolve("/" + roomPrefix + "-" + room), request));
                }
            }
            for (CompletableFuture<Session> f : connecting) {
                f.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** Starts sending: every member {@code perSecond} messages a second; every arrival also goes into {@code timeline}. */
    void start(double perSecond, LatencyTimeline timeline) {
        this.timeline = timeline;
        running = true;
        long periodNanos = (long) (1e9 / perSecond);
        for (int i = 0; i < members.size(); i++) {
            PairMember member = members.get(i);
            senders.scheduleAtFixedRate(member::sendNext, periodNanos * i / members.size(), periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops sending and gives what is in flight {@code drain} to arrive. */
    void stop(Duration drain) throws InterruptedException {
        senders.shutdownNow();
        senders.awaitTermination(10, TimeUnit.SECONDS);
        Thread.sleep(drain.toMillis());
        running = false;
    }

    /** Latencies (µs, one way) since the last call. */
    Histogram latencies() {
        return latencies.getIntervalHistogram();
    }

    long delivered() {
        return delivered.sum();
    }

    long errors() {
        return errors.sum();
    }

    /** Every receiver's tally against what its partner sent, summed. */
    SequenceChecker.Tally tally() {
        SequenceChecker.Tally total = SequenceChecker.Tally.NONE;
        for (int i = 0; i < members.size(); i += 2) {
            PairMember a = members.get(i);
            PairMember b = members.get(i + 1);
            total = total.plus(a.tally(b.sent())).plus(b.tally(a.sent()));
        }
        return total;
    }

    void delivered(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        latencies.recordValue(micros);
        delivered.increment();
        LatencyTimeline t = timeline;
        if (t != null) {
            t.record(System.currentTimeMillis(), micros);
        }
    }

    void failed(String what) {
        if (running) {
            errors.increment();
            System.err.println("capacity pair: " + what);
        }
    }

    void sendFailed() {
        errors.increment();
    }

    @Override
    public void close() {
        running = false;
        senders.shutdownNow();
        for (PairMember m : members) {
            m.close();
        }
        try {
            client.stop();
        } catch (Exception e) {
            System.err.println("stopping the pairs' client failed: " + e);
        }
    }
}
