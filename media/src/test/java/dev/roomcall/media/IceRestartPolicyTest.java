package dev.roomcall.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When a broken connection asks for an ICE restart, and when it leaves the connection alone. */
class IceRestartPolicyTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Integer> restarts = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private IceRestartPolicy policy(Duration grace, Duration firstRetry) {
        return new IceRestartPolicy(scheduler, restarts::add, grace, firstRetry, Duration.ofSeconds(30));
    }

    @Test
    void aFailedConnectionRestartsAtOnce() {
        IceRestartPolicy policy = policy(Duration.ofHours(1), Duration.ofHours(1));
        policy.onState(ConnectionState.FAILED);
        Await.until("a restart", () -> restarts.equals(List.of(1)));
    }

    @Test
    void aConnectionStillDisconnectedAfterTheGracePeriodRestarts() {
        IceRestartPolicy policy = policy(Duration.ofMillis(50), Duration.ofHours(1));
        policy.onState(ConnectionState.DISCONNECTED);
        Await.until("a restart", () -> restarts.equals(List.of(1)));
    }

    @Test
    void aConnectionThatHealsWithinTheGracePeriodIsLeftAlone() throws InterruptedException {
        IceRestartPolicy policy = policy(Duration.ofMillis(300), Duration.ofHours(1));
        policy.onState(ConnectionState.DISCONNECTED);
        policy.onState(ConnectionState.CONNECTED);
        Thread.sleep(900);
        assertEquals(List.of(), restarts);
    }

    @Test
    void aConnectionThatStaysBrokenKeepsTryingAndRecoveryResetsTheCount() {
        IceRestartPolicy policy = policy(Duration.ofMillis(10), Duration.ofMillis(20));
        policy.onState(ConnectionState.DISCONNECTED);
        Await.until("three attempts", () -> restarts.size() >= 3);
        assertEquals(List.of(1, 2, 3), restarts.subList(0, 3));

        policy.onState(ConnectionState.CONNECTED);
        assertEquals(0, policy.attempts());
        int before = restarts.size();
        policy.onState(ConnectionState.FAILED);
        Await.until("a new first attempt", () -> restarts.size() > before && restarts.get(before) == 1);
    }

    @Test
    void aClosedSessionNeverRestarts() throws InterruptedException {
        IceRestartPolicy policy = policy(Duration.ofMillis(100), Duration.ofMillis(100));
        policy.onState(ConnectionState.DISCONNECTED);
        policy.onState(ConnectionState.CLOSED);
        policy.onState(ConnectionState.FAILED);
        Thread.sleep(500);
        assertTrue(restarts.isEmpty(), restarts.toString());
    }
}
