package dev.roomcall.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lab is what its drawing promises: homes reach the internet host, not each other, and nothing else. */
class NetworkLabIT {

    private static final int PORT = 8080;

    private static NetworkLab lab;
    private static ListeningProcess internetServer;
    private static ListeningProcess homeBServer;

    @BeforeAll
    static void build() throws Exception {
        lab = NetworkLab.shared();
        internetServer = httpServer(NetworkLab.INTERNET, NetworkLab.INTERNET_ADDRESS);
        homeBServer = httpServer(NetworkLab.HOME_B, NetworkLab.HOME_B_ADDRESS);
    }

    @AfterAll
    static void stop() {
        for (ListeningProcess server : new ListeningProcess[] {internetServer, homeBServer}) {
            if (server != null) {
                server.close();
            }
        }
    }

    /** A one-line http server (Node, which the relay needs anyway) on {@code address} inside {@code ns}. */
    private static ListeningProcess httpServer(String ns, String address) throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "test-logs"));
        String script = "require('http').createServer((q, r) => r.end('lab " + ns + "\\n'))"
                + ".listen(" + PORT + ", '" + address + "', () => console.log('LISTENING " + PORT + "'))";
        return ListeningProcess.start("lab-http-" + ns, lab.in(ns, System.getProperty("roomcall.node", "node"), "-e", script),
                Path.of("."), logs.resolve("lab-http-" + ns + ".log"), Duration.ofSeconds(20));
    }

    private static String get(String fromNs, String address) throws Exception {
        return lab.exec(fromNs, "curl", "--silent", "--show-error", "--max-time", "2", "http://" + address + ":" + PORT + "/");
    }

    @Test
    void oneLabPerJvmNamedAfterIt() throws Exception {
        assertSame(lab, NetworkLab.shared(), "the same lab for every caller");
        String namespaces = new String(new ProcessBuilder("ip", "netns", "list").start().getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        for (String role : List.of("inet", "ra", "rb", "a", "b")) {
            assertTrue(namespaces.contains(LabNames.forThisProcess().of(role)), namespaces);
        }
    }

    @Test
    void bothHomesReachTheInternetHostThroughTheirRouters() throws Exception {
        assertEquals("lab inet", get(NetworkLab.HOME_A, NetworkLab.INTERNET_ADDRESS));
        assertEquals("lab inet", get(NetworkLab.HOME_B, NetworkLab.INTERNET_ADDRESS));
    }

    @Test
    void homeBsPrivateAddressIsReachableOnlyFromHomeB() throws Exception {
        assertEquals("lab b", get(NetworkLab.HOME_B, NetworkLab.HOME_B_ADDRESS));
        IOException fromHomeA = assertThrows(IOException.class, () -> get(NetworkLab.HOME_A, NetworkLab.HOME_B_ADDRESS));
        assertTrue(fromHomeA.getMessage().contains("curl"), fromHomeA.getMessage());
        assertThrows(IOException.class, () -> get(NetworkLab.INTERNET, NetworkLab.HOME_B_ADDRESS));
    }

    @Test
    void theInternetHostHasOnlyTheLabsOwnAddresses() throws Exception {
        String addresses = lab.exec(NetworkLab.INTERNET, "ip", "-brief", "-4", "address");
        assertEquals(List.of("127.0.0.1/8", NetworkLab.INTERNET_ADDRESS + "/24"),
                addresses.lines().map(line -> line.trim().split("\\s+")).filter(f -> f.length > 2).map(f -> f[2]).toList(),
                addresses);
    }

    @Test
    void aCutUplinkDropsTrafficUntilRestored() throws Exception {
        lab.cutUplink(NetworkLab.ROUTER_A);
        try {
            assertThrows(IOException.class, () -> get(NetworkLab.HOME_A, NetworkLab.INTERNET_ADDRESS));
        } finally {
            lab.restoreUplink(NetworkLab.ROUTER_A);
        }
        assertEquals("lab inet", get(NetworkLab.HOME_A, NetworkLab.INTERNET_ADDRESS));
    }

    @Test
    void aFailingCommandIsNamedInTheError() {
        IOException failed = assertThrows(IOException.class, () -> lab.exec(NetworkLab.HOME_A, "false"));
        assertTrue(failed.getMessage().contains("'ip netns exec " + LabNames.forThisProcess().of("a") + " false' failed"),
                failed.getMessage());
    }
}
