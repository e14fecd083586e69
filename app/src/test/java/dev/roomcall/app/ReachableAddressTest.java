package dev.roomcall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which of this machine's addresses goes into the link a person shares. */
class ReachableAddressTest {

    private static List<InetAddress> addresses(String... literals) throws UnknownHostException {
        List<InetAddress> list = new ArrayList<>();
        for (String literal : literals) {
            list.add(InetAddress.getByName(literal));
        }
        return list;
    }

    @Test
    void aHomeNetworkAddressWinsOverAnyOther() throws Exception {
        assertEquals(Optional.of("192.168.1.20"),
                BrowserLinks.reachableAddress(addresses("fe80::1", "203.0.113.7", "169.254.3.4", "192.168.1.20")));
    }

    @Test
    void aMachineWithOnlyAPublicAddressSharesThatOne() throws Exception {
        assertEquals(Optional.of("192.0.2.2"), BrowserLinks.reachableAddress(addresses("fe80::1", "169.254.3.4", "192.0.2.2")));
    }

    @Test
    void loopbackLinkLocalAndIpv6AloneGiveNothing() throws Exception {
        assertEquals(Optional.empty(), BrowserLinks.reachableAddress(addresses("127.0.0.1", "169.254.3.4", "fd00::2", "::1")));
    }
}
