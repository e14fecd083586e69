package dev.roomcall.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address written as text, read without ever asking DNS: a header or an option that names a host instead of
 * an address is simply not an address here (a lookup would let whoever writes the header make the server wait on,
 * and talk to, a name server of their choice).
 */
final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    /** Only hex digits, colons and (for an embedded IPv4 tail) dots: Java parses that as an IPv6 literal, never a name. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

    private IpLiteral() {}

    /** {@code text} as an address: dotted IPv4 or IPv6 (optionally in brackets); empty for anything else. */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        boolean v4 = IPV4.matcher(t).matches();
        if (!v4 && !(t.indexOf(':') >= 0 && IPV6.matcher(t).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * One hop of an {@code X-Forwarded-For} list, which proxies write as an address, possibly with a port
     * ({@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711}).
     */
    static Optional<InetAddress> parseHop(String hop) {
        String t = hop.strip();
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0 || !(close == t.length() - 1 || t.substring(close + 1).matches(":[0-9]{1,5}"))) {
                return Optional.empty();
            }
            return parse(t.substring(1, close));
        }
        int colon = t.indexOf(':');
        if (colon > 0 && colon == t.lastIndexOf(':') && t.substring(colon + 1).matches("[0-9]{1,5}")) {
            return parse(t.substring(0, colon)).filter(address -> address.getAddress().length == 4);
        }
        return parse(t);
    }
}
