package dev.roomcall.app.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two homes behind their own NAT routers and a piece of internet between them, built from Linux network
 * namespaces (iproute2 + nftables) for one test and torn down after it:
 *
 * <pre>
 *   home A (10.0.1.2) ── router A (NAT, 198.51.100.2) ──┐
 *                                                       ├── internet 198.51.100.1 (server, TURN)
 *   home B (10.0.2.2) ── router B (NAT, 198.51.100.3) ──┘
 * </pre>
 *
 * Neither home can reach the other's private address and each router drops unsolicited packets, so host
 * candidates cannot connect: like two people on different home networks, the call needs what the deployment
 * hands out (STUN for server-reflexive addresses, TURN where hole punching fails).
 * Needs root (or CAP_NET_ADMIN) and the ip and nft commands; anything missing fails with the command's own words.
 */
final class NetworkLab implements AutoCloseable {

    static final String INTERNET_ADDRESS = "198.51.100.1";
    static final String HOME_A_ADDRESS = "10.0.1.2";
    static final String HOME_B_ADDRESS = "10.0.2.2";
    static final String ROUTER_A_PUBLIC = "198.51.100.2";
    static final String ROUTER_B_PUBLIC = "198.51.100.3";

    private final String prefix;
    private final List<String> created = new ArrayList<>();

    private NetworkLab(String prefix) {
        this.prefix = prefix;
    }

    /** Builds the topology; on any failure what was built is removed again and the error says which command. */
    static NetworkLab build() throws IOException, InterruptedException {
        NetworkLab lab = new NetworkLab("rclab" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36));
        try {
            lab.create();
            return lab;
        } catch (IOException | RuntimeException | InterruptedException e) {
            lab.close();
            throw e;
        }
    }

    private void create() throws IOException, InterruptedException {
        for (String ns : List.of("inet", "ra", "rb", "a", "b")) {
            run("ip", "netns", "add", name(ns));
            created.add(name(ns));
            ip(ns, "link", "set", "lo", "up");
        }
        ip("inet", "link", "add", "br0", "type", "bridge");
        ip("inet", "addr", "add", INTERNET_ADDRESS + "/24", "dev", "br0");
        ip("inet", "link", "set", "br0", "up");
        connectHome("a", "ra", ROUTER_A_PUBLIC, "10.0.1.1", HOME_A_ADDRESS);
        connectHome("b", "rb", ROUTER_B_PUBLIC, "10.0.2.1", HOME_B_ADDRESS);
    }

    private void connectHome(String home, String router, String routerPublic, String routerPrivate, String homeAddress)
            throws IOException, InterruptedException {
        run("ip", "link", "add", "up-" + router, "netns", name("inet"), "type", "veth",
                "peer", "name", "wan", "netns", name(router));
        ip("inet", "link", "set", "up-" + router, "master", "br0", "up");
        run("ip", "link", "add", "lan", "netns", name(router), "type", "veth", "peer", "name", "eth0", "netns", name(home));
        ip(router, "addr", "add", routerPublic + "/24", "dev", "wan");
        ip(router, "addr", "add", routerPrivate + "/24", "dev", "lan");
        ip(router, "link", "set", "wan", "up");
        ip(router, "link", "set", "lan", "up");
        ip(home, "addr", "add", homeAddress + "/24", "dev", "eth0");
        ip(home, "link", "set", "eth0", "up");
        ip(home, "route", "add", "default", "via", routerPrivate);
        run(in(router, "sysctl", "-qw", "net.ipv4.ip_forward=1"));
        // The router's own firewall drops what nobody inside asked for, as home routers do. Without it an
        // unsolicited packet leaves a connection-tracking entry that makes the next outgoing flow to that address
        // get another outside port, so the address a peer learnt through STUN stops matching the one it sends from.
        nft(router, "add table ip nat\n"
                + "add chain ip nat post { type nat hook postrouting priority 100; }\n"
                + "add rule ip nat post oifname \"wan\" masquerade\n"
                + "add table ip firewall\n"
                + "add chain ip firewall in { type filter hook input priority 0; policy accept; }\n"
                + "add rule ip firewall in iifname \"wan\" ct state new drop\n");
    }

    /** The command line that runs {@code command} inside one of the lab's namespaces (inet, ra, rb, a, b). */
    List<String> in(String ns, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name(ns)));
        full.addAll(List.of(command));
        return full;
    }

    /** Router {@code ra} or {@code rb} silently drops everything it would forward, both ways, as a dead uplink does. */
    void cutUplink(String router) throws IOException, InterruptedException {
        nft(router, "add table inet outage\n"
                + "add chain inet outage cut { type filter hook forward priority -10; policy drop; }\n");
    }

    void restoreUplink(String router) throws IOException, InterruptedException {
        nft(router, "delete table inet outage\n");
    }

    private String name(String ns) {
        return prefix + "-" + ns;
    }

    private void ip(String ns, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip", "-n", name(ns)));
        command.addAll(List.of(args));
        run(command);
    }

    private void nft(String ns, String script) throws IOException, InterruptedException {
        Path file = Files.createTempFile("roomcall-lab", ".nft");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            run(in(ns, "nft", "-f", file.toString()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        run(List.of(command));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IOException("the network lab needs root, iproute2 and nftables; '" + String.join(" ", command)
                    + "' failed (exit " + process.exitValue() + "): " + output);
        }
    }

    /** Deleting a namespace deletes its interfaces and rules; processes still inside keep it alive, so stop them first. */
    @Override
    public void close() {
        for (String ns : created) {
            try {
                run("ip", "netns", "del", ns);
            } catch (IOException | InterruptedException e) {
                System.err.println("network lab: could not delete " + ns + ": " + e.getMessage());
            }
        }
        created.clear();
    }
}
