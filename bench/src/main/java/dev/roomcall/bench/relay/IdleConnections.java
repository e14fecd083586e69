package dev.roomcall.bench.relay;

import dev.roomcall.bench.proc.Jcmd;
import dev.roomcall.bench.proc.TreeProbe;
import dev.roomcall.testkit.ListeningProcess;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Opens idle connections to a relay, two per room, in batches until the cap or the first failure, then weighs the
 * relay process (PSS) and, for a JVM, its live heap. Connections come from several loopback source addresses (127.0.0.2, .3, …) so no single
 * address runs out of ephemeral ports.
 */
final class IdleConnections {

    private static final int BATCH = 500;
    /** Connections open when the relay is weighed the second time. */
    private static final int FIRST_WEIGHING = 1000;

    private final TreeProbe probe;

    IdleConnections(TreeProbe probe) {
        this.probe = probe;
    }

    /** @param jvm whether the relay is a JVM (then it is collected before each weighing and its heap is read) */
    IdleResult run(ListeningProcess server, boolean jvm, int cap, int sourceAddresses) throws Exception {
        URI base = URI.create("ws://127.0.0.1:" + server.port() + "/");
        double baseline = jvm ? liveHeapMib(server.pid()) : Double.NaN;
        double pssIdle = probe.pssMib((int) server.pid());
        // Weighed again after the first batch: what the rest add is the cost of one more connection, without what
        // the first connections cost once (JIT-compiled code, loaded classes, the thread pool growing to its size).
        double pssFirstBatch = Double.NaN;
        int firstBatch = 0;
        List<WebSocketClient> clients = new ArrayList<>();
        AtomicInteger closedByServer = new AtomicInteger();
        List<Session> sessions = new ArrayList<>();
        String stopReason = "reached the cap of " + cap;
        try {
            for (int i = 0; i < sourceAddresses; i++) {
                WebSocketClient client = new WebSocketClient();
                client.setBindAddress(new InetSocketAddress("127.0.0." + (2 + i), 0));
                client.setIdleTimeout(Duration.ofMinutes(10));
                client.setConnectTimeout(30_000);
                client.getHttpClient().setMaxConnectionsPerDestination(cap);
                client.start();
                clients.add(client);
            }
            while (sessions.size() < cap) {
                int batch = Math.min(BATCH, cap - sessions.size());
                List<CompletableFuture<Session>> connecting = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    int index = sessions.size() + i;
                    WebSocketClient client = clients.get(index % clients.size());
                    connecting.add(client.connect(new IdleConnection(closedByServer), base.resolve("/idle-" + (index / 2))));
                }
                String failure = null;
                for (CompletableFuture<Session> f : connecting) {
                    try {
                        sessions.add(f.get(60, TimeUnit.SECONDS));
                    } catch (Exception e) {
                        if (failure == null) {
                            failure = "connection " + (sessions.size() + 1) + " failed: " + rootCause(e);
                        }
                    }
                }
                if (failure != null) {
                    stopReason = failure;
                    break;
                }
                if (closedByServer.get() > 0) {
                    stopReason = "the server closed " + closedByServer.get() + " connection(s)";
                    break;
                }
                if (!server.isAlive()) {
                    stopReason = "the server process died";
                    break;
                }
                if (firstBatch == 0 && sessions.size() >= FIRST_WEIGHING) {
                    firstBatch = sessions.size();
                    Thread.sleep(1000);
                    pssFirstBatch = weighPss(server.pid(), jvm);
                }
            }
            Thread.sleep(3000);
            int stillOpen = (int) sessions.stream().filter(Session::isOpen).count();
            double loaded = jvm ? liveHeapMib(server.pid()) : Double.NaN;
            double pss = probe.pssMib((int) server.pid());
            double marginal = stillOpen <= firstBatch ? Double.NaN : (pss - pssFirstBatch) * 1024 / (stillOpen - firstBatch);
            double perConnection = stillOpen == 0 ? Double.NaN : (loaded - baseline) * 1024 * 1024 / stillOpen;
            double pssPerConnection = stillOpen == 0 ? Double.NaN : (pss - pssIdle) * 1024 / stillOpen;
            return new IdleResult(server.name(), sessions.size(), stillOpen, cap, stopReason, pssIdle, pss,
                    pssPerConnection, firstBatch, marginal, baseline, loaded, perConnection);
        } finally {
            for (WebSocketClient client : clients) {
                try {
                    client.stop();
                } catch (Exception e) {
                    System.err.println("stopping a load client failed: " + e);
                }
            }
        }
    }

    /** PSS after a full collection for a JVM (its garbage is not what the connections keep), as it is otherwise. */
    private double weighPss(long pid, boolean jvm) throws Exception {
        if (jvm) {
            Jcmd.run(pid, "GC.run");
        }
        return probe.pssMib((int) pid);
    }

    /** Heap in use after a full collection: what the connections really keep alive. */
    private static double liveHeapMib(long pid) throws Exception {
        Jcmd.run(pid, "GC.run");
        return Jcmd.heapUsedMib(pid);
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
