package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whose address the per-address limits count, given the direct peer, the trusted proxies and X-Forwarded-For. */
class TrustedProxiesTest {

    @ParameterizedTest(name = "trusted [{0}], peer {1}, X-Forwarded-For \"{2}\" -> {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // trusted proxies         | peer        | X-Forwarded-For header(s), ';' between headers | counted address
            // Nobody trusted (the default): a forged header changes nothing.
            "''                         | 203.0.113.9 | 192.0.2.1                          | 203.0.113.9",
            // A header from a peer that is not a trusted proxy is ignored.
            "10.0.0.0/8                 | 203.0.113.9 | 192.0.2.1                          | 203.0.113.9",
            "10.0.0.7                   | 10.0.0.8    | 192.0.2.1                          | 10.0.0.8",
            // A trusted proxy names its client.
            "10.0.0.7                   | 10.0.0.7    | 192.0.2.1                          | 192.0.2.1",
            "10.0.0.0/8                 | 10.1.2.3    | 192.0.2.1                          | 192.0.2.1",
            "10.0.0.7                   | 10.0.0.7    | ' 192.0.2.1 '                      | 192.0.2.1",
            "10.0.0.7                   | 10.0.0.7    | 192.0.2.1:4711                     | 192.0.2.1",
            "10.0.0.7                   | 10.0.0.7    | [2001:db8::1]:4711                 | 2001:db8::1",
            "10.0.0.7                   | 10.0.0.7    | 2001:db8::1                        | 2001:db8::1",
            "fd00::/8                   | fd00::7     | 192.0.2.1                          | 192.0.2.1",
            "::1                        | ::1         | 192.0.2.1                          | 192.0.2.1",
            // What the client wrote itself (left of the first untrusted hop from the right) proves nothing.
            "10.0.0.7                   | 10.0.0.7    | 6.6.6.6, 192.0.2.1                 | 192.0.2.1",
            "10.0.0.0/8                 | 10.0.0.7    | 6.6.6.6, 192.0.2.1, 10.0.0.5       | 192.0.2.1",
            "10.0.0.7                   | 10.0.0.7    | 6.6.6.6;192.0.2.1                  | 192.0.2.1",
            // Only proxies all the way: the leftmost one is the best known client.
            "10.0.0.0/8                 | 10.0.0.7    | 10.0.0.1, 10.0.0.5                 | 10.0.0.1",
            // Garbage stops the walk at the last certain address.
            "10.0.0.7                   | 10.0.0.7    | unknown                            | 10.0.0.7",
            "10.0.0.7                   | 10.0.0.7    | localhost                          | 10.0.0.7",
            "10.0.0.7                   | 10.0.0.7    | 192.0.2.1, evil.example            | 10.0.0.7",
            "10.0.0.0/8                 | 10.0.0.7    | nonsense, 10.0.0.5                 | 10.0.0.5",
            "10.0.0.7                   | 10.0.0.7    | ''                                 | 10.0.0.7",
            "10.0.0.7                   | 10.0.0.7    | 999.1.1.1                          | 10.0.0.7",
            "10.0.0.7                   | 10.0.0.7    | 192.0.2.1:port                     | 10.0.0.7",
            "10.0.0.7                   | 10.0.0.7    | NULL                               | 10.0.0.7",
            "10.0.0.0/8 , 192.168.0.0/16 | 192.168.1.1 | 192.0.2.1, 10.0.0.5               | 192.0.2.1",
    })
    void theClientIsTheFirstUntrustedHopFromTheRight(String trusted, String peer, String header, String expected)
            throws Exception {
        TrustedProxies proxies = TrustedProxies.of(trusted.isBlank() ? List.of() : Arrays.stream(trusted.split(","))
                .map(String::strip).toList());
        List<String> headers = header == null ? List.of() : List.of(header.split(";"));

        InetAddress counted = proxies.clientAddress(InetAddress.getByName(peer), headers);

        assertEquals(InetAddress.getByName(expected), counted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "proxy.example.org", "localhost", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x",
            "10.0.0", "1.2.3.4.5", "*", "10.0.0.0/8/8"})
    void anEntryThatIsNoAddressOrBlockIsRefusedByName(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of(entry)));
        assertTrue(e.getMessage().contains("\"" + entry + "\""), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "192.0.2.1           | 192.0.2.1",
            "[2001:db8::1]       | 2001:db8::1",
            "::ffff:192.0.2.1    | 192.0.2.1",
    })
    void addressesAreReadWithoutDns(String text, String expected) throws Exception {
        assertEquals(InetAddress.getByName(expected), IpLiteral.parse(text).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "cafe", "deadbeef", "1.2.3", "01.2.3.4x", "[::1", "::1]x", "1.2.3.4 5"})
    void namesAndNonsenseAreNoAddresses(String text) {
        assertTrue(IpLiteral.parse(text).isEmpty(), text);
    }
}
