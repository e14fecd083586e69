package dev.roomcall.server;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Which direct peers are reverse proxies whose {@code X-Forwarded-For} header is believed, so the per-address limits
 * ({@link JoinLimiter}, {@link AddressLimiter}) count the person behind the proxy rather than the proxy. Anyone else's
 * header is ignored: a client that could pick its own address could dodge every limit, or use up someone else's.
 *
 * <p>The header lists one address per hop, each proxy appending the address it saw. Read from the right, the first
 * address that is not a trusted proxy is the client; everything left of it was written by the client and proves
 * nothing. A hop that is not an IP address stops the walk at the last address that was certain.
 */
final class TrustedProxies {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    /** Nobody's header is believed: the address is always the direct peer (the default). */
    static final TrustedProxies NONE = new TrustedProxies(List.of(), new InetAddressSet());

    private final List<String> entries;
    private final InetAddressSet set;

    private TrustedProxies(List<String> entries, InetAddressSet set) {
        this.entries = entries;
        this.set = set;
    }

    /**
     * @param entries addresses ({@code 10.0.0.7}, {@code ::1}) or CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8})
     * @throws IllegalArgumentException naming the entry that is neither (host names are refused: no DNS here)
     */
    static TrustedProxies of(List<String> entries) {
        InetAddressSet set = new InetAddressSet();
        List<String> kept = new ArrayList<>();
        for (String entry : Objects.requireNonNull(entries, "entries")) {
            String e = entry == null ? "" : entry.strip();
            int slash = e.indexOf('/');
            String address = slash < 0 ? e : e.substring(0, slash);
            InetAddress parsed = IpLiteral.parse(address).orElseThrow(() -> new IllegalArgumentException(
                    "trusted proxy \"" + entry + "\" is not an IP address or CIDR block (e.g. 10.0.0.7, 10.0.0.0/8, fd00::/8)"));
            if (slash >= 0) {
                String bits = e.substring(slash + 1);
                int max = parsed.getAddress().length * 8;
                if (!bits.matches("[0-9]{1,3}") || Integer.parseInt(bits) > max) {
                    throw new IllegalArgumentException("trusted proxy \"" + entry + "\" has a prefix length that is not 0.."
                            + max);
                }
                e = parsed.getHostAddress() + "/" + Integer.parseInt(bits);
            } else {
                e = parsed.getHostAddress();
            }
            set.add(e);
            kept.add(e);
        }
        return kept.isEmpty() ? NONE : new TrustedProxies(List.copyOf(kept), set);
    }

    boolean trusts(InetAddress peer) {
        return !entries.isEmpty() && set.test(peer);
    }

    /**
     * @param peer          the address the connection comes from
     * @param forwardedFor  the request's {@code X-Forwarded-For} header values, in order (several headers form one list)
     * @return the address the limits should count
     */
    InetAddress clientAddress(InetAddress peer, List<String> forwardedFor) {
        if (!trusts(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            hops.addAll(List.of(value.split(",", -1)));
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = IpLiteral.parseHop(hops.get(i)).orElse(null);
            if (hop == null) {
                return client;
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    List<String> entries() {
        return entries;
    }

    @Override
    public String toString() {
        return entries.isEmpty() ? "none" : String.join(" ", entries);
    }
}
