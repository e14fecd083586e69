package dev.roomcall.app;

import dev.roomcall.app.call.CallOptions;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page a browser opens to join a call: Roomcall's server serves it on the same port as signaling. For the
 * built-in server the host is this machine's LAN address, which is what the other person's browser can reach;
 * loopback when there is none.
 */
final class BrowserLinks {

    private static final Logger log = LoggerFactory.getLogger(BrowserLinks.class);

    private BrowserLinks() {}

    static URI linkFor(CallOptions call, boolean builtInServer) {
        URI ws = call.server();
        String scheme = "wss".equalsIgnoreCase(ws.getScheme()) ? "https" : "http";
        String host = builtInServer ? lanAddress().orElse(ws.getHost()) : ws.getHost();
        int port = ws.getPort();
        return URI.create(scheme + "://" + host + (port > 0 ? ":" + port : "") + "/#" + call.room());
    }

    /** This machine's first private IPv4 address, which a browser on the LAN can reach. */
    static Optional<String> lanAddress() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback() && !nic.isVirtual()) {
                    addresses.addAll(Collections.list(nic.getInetAddresses()));
                }
            }
        } catch (SocketException e) {
            log.debug("event=lan-address-unavailable", e);
        }
        return reachableAddress(addresses);
    }

    /**
     * The address other machines most likely reach this one by: a private IPv4 address (a home or office network)
     * first, otherwise any other IPv4 address that is neither loopback nor link-local (a machine with a public
     * address). IPv6 is left out: a link with a bracketed literal is rarely what a person can read out or type.
     */
    static Optional<String> reachableAddress(List<InetAddress> addresses) {
        Optional<String> other = Optional.empty();
        for (InetAddress address : addresses) {
            if (!(address instanceof Inet4Address) || address.isLoopbackAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                continue;
            }
            if (address.isSiteLocalAddress()) {
                return Optional.of(address.getHostAddress());
            }
            if (other.isEmpty()) {
                other = Optional.of(address.getHostAddress());
            }
        }
        return other;
    }
}
