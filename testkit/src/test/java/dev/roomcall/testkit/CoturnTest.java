package dev.roomcall.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoturnTest {

    @TempDir
    Path dir;

    @Test
    void aDeploymentsFileKeepsItsPoliciesAndLosesWhatTheHarnessSets() throws Exception {
        Path file = dir.resolve("turnserver.conf");
        Files.writeString(file, """
                # a comment
                listening-port=3478
                listening-ip=203.0.113.5
                static-auth-secret=placeholder
                use-auth-secret
                denied-peer-ip=127.0.0.0-127.255.255.255

                log-file=/var/log/turn.log
                user-quota=12
                """);

        assertEquals(List.of("use-auth-secret", "denied-peer-ip=127.0.0.0-127.255.255.255", "user-quota=12"),
                Coturn.deploymentOptions(file));
    }

    @Test
    void aCoturnInANamespaceNeedsAFixedPort() {
        assertThrows(IllegalArgumentException.class, () -> new Coturn.Setup("c", "198.51.100.1", 0, null,
                Coturn.MINIMAL_OPTIONS, List.of("ip", "netns", "exec", "x"), dir));
    }
}
