package dev.roomcall.bench.relay;

import dev.roomcall.bench.proc.CpuSnapshot;
import dev.roomcall.bench.proc.TreeProbe;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Closed-loop load on a relay: {@code pairs} rooms of two connections; in each, {@code window} messages bounce
 * between the two members. Every delivery is timed (send stamp → receipt, one way through the relay) and answered
 * at once with a fresh message, so each pair always has {@code window} messages in flight and the relay's speed,
 * not a fixed rate, decides the throughput. Both relays get exactly the same clients and messages.
 */
final class PairLoad {

    private final TreeProbe probe;
    private final Recorder latencies = new Recorder(3);
    private final LongAdder delivered = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile boolean running;
    private volatile boolean measuring;

    PairLoad(TreeProbe probe) {
        this.probe = probe;
    }

    LoadResult run(String relayName, URI base, long relayPid, int pairs, int window, Duration warmup, Duration measure)
            throws Exception {
        WebSocketClient client = new WebSocketClient();
        client.getHttpClient().setMaxConnectionsPerDestination(Math.max(64, 2 * pairs));
        client.setIdleTimeout(Duration.ofMinutes(5));
        client.start();
        List<LoadConnection> members = new ArrayList<>();
        try {
            List<CompletableFuture<Session>> connecting = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                URI room = base.resolve("/load-" + i);
                for (int side = 0; side < 2; side++) {
                    LoadConnection member = new LoadConnection(this);
                    members.add(member);
                    connecting.add(client.connect(member, room));
                }
            }
            for (CompletableFuture<Session> f : connecting) {
                f.get(30, TimeUnit.SECONDS);
            }
            Thread.sleep(200); // both members of every room have joined
            running = true;
            for (int i = 0; i < pairs; i++) {
                LoadConnection first = members.get(2 * i);
                for (int w = 0; w < window; w++) {
                    first.send();
                }
            }
            Thread.sleep(warmup.toMillis());

            latencies.getIntervalHistogram(); // discard the warm-up
            delivered.reset();
            long myPid = ProcessHandle.current().pid();
            CpuSnapshot relayBefore = probe.cpu((int) relayPid);
            CpuSnapshot clientBefore = probe.cpu((int) myPid);
            measuring = true;
            Thread.sleep(measure.toMillis());
            measuring = false;
            long count = delivered.sum();
            CpuSnapshot relayAfter = probe.cpu((int) relayPid);
            CpuSnapshot clientAfter = probe.cpu((int) myPid);
            Histogram histogram = latencies.getIntervalHistogram();
            running = false;
            double seconds = (relayAfter.nanos() - relayBefore.nanos()) / 1e9;
            double pss = probe.pssMib((int) relayPid);
            Thread.sleep(300); // let the messages in flight land
            return new LoadResult(relayName, pairs, window, count, seconds,
                    histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99),
                    histogram.getValueAtPercentile(99.9), histogram.getMaxValue(),
                    relayBefore.percentOfOneCoreUntil(relayAfter), clientBefore.percentOfOneCoreUntil(clientAfter),
                    pss, errors.sum());
        } finally {
            running = false;
            for (LoadConnection m : members) {
                m.close();
            }
            client.stop();
        }
    }

    /** Called by a connection for each delivery: times it and answers while the run lasts. */
    void delivered(LoadConnection connection, String message) {
        long now = System.nanoTime();
        long sent;
        try {
            sent = StampedMessage.stamp(message);
        } catch (IllegalArgumentException notOurs) {
            return; // e.g. a relay's own notice; not part of the load
        }
        if (measuring) {
            latencies.recordValue(Math.max(0, (now - sent) / 1000));
            delivered.increment();
        }
        if (running) {
            connection.send();
        }
    }

    void failed(String what) {
        if (running) {
            errors.increment();
            System.err.println("load connection: " + what);
        }
    }

    void sendFailed() {
        errors.increment();
    }
}
