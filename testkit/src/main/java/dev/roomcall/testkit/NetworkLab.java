package dev.roomcall.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two homes behind their own NAT routers and a piece of internet between them, built from Linux network
 * namespaces (iproute2 + nftables):
 *
 * <pre>
 *   home A (10.0.1.2) ── router A (NAT, 198.51.100.2) ──┐
 *                                                       ├── internet 198.51.100.1 (servers, TURN)
 *   home B (10.0.2.2) ── router B (NAT, 198.51.100.3) ──┘
 * </pre>
 *
 * Neither home can reach the other's private address and each router drops unsolicited packets, so host
 * candidates cannot connect: like two people on different home networks. The addresses are documentation ranges
 * that exist only inside the lab: a test that needs a non-loopback address (a TURN relay, a page from "another
 * machine") uses these, never the real network of the machine it runs on.
 *
 * <p>One lab per test JVM ({@link #shared()}), built on first use and removed when the JVM exits. Its namespaces
 * are named after the JVM's process id, so two builds on one machine never collide, and a lab whose JVM died
 * without removing it is swept away by the next one. Needs root (or CAP_NET_ADMIN) and the ip and nft commands;
 * anything missing fails with the command that failed and its own words.
 */
public final class NetworkLab implements AutoCloseable {

    public static final String INTERNET_ADDRESS = "198.51.100.1";
    public static final String HOME_A_ADDRESS = "10.0.1.2";
    public static final String HOME_B_ADDRESS = "10.0.2.2";
    public static final String ROUTER_A_PUBLIC = "198.51.100.2";
    public static final String ROUTER_B_PUBLIC = "198.51.100.3";

    /** The namespaces: the internet, the two routers, the two homes. */
    public static final String INTERNET = "inet";
    public static final String ROUTER_A = "ra";
    public static final String ROUTER_B = "rb";
    public static final String HOME_A = "a";
    public static final String HOME_B = "b";
    private static final List<String> NAMESPACES = List.of(INTERNET, ROUTER_A, ROUTER_B, HOME_A, HOME_B);

    private static NetworkLab shared;

    private final LabNames names;
    private final List<String> created = new ArrayList<>();

    private NetworkLab(LabNames names) {
        this.names = names;
    }

    /** This JVM's lab, built on the first call; it is removed when the JVM exits. */
    public static synchronized NetworkLab shared() throws IOException, InterruptedException {
        if (shared == null) {
            NetworkLab lab = build(LabNames.forThisProcess());
            Runtime.getRuntime().addShutdownHook(new Thread(lab::close, "network-lab-cleanup"));
            shared = lab;
        }
        return shared;
    }

    /** Builds the topology; on any failure what was built is removed again and the error says which command. */
    private static NetworkLab build(LabNames names) throws IOException, InterruptedException {
        sweepAbandonedLabs(names);
        NetworkLab lab = new NetworkLab(names);
        try {
            lab.create();
            return lab;
        } catch (IOException | RuntimeException | InterruptedException e) {
            lab.close();
            throw e;
        }
    }

    /**
     * Removes the namespaces of labs whose JVM is gone (killed before its shutdown hook ran), and any left under
     * this JVM's own process id by an earlier JVM that had it.
     */
    private static void sweepAbandonedLabs(LabNames names) throws IOException, InterruptedException {
        for (String namespace : LabNames.abandoned(run("ip", "netns", "list"),
                pid -> pid != names.pid() && ProcessHandle.of(pid).isPresent())) {
            run("ip", "netns", "del", namespace);
        }
    }

    private void create() throws IOException, InterruptedException {
        for (String ns : NAMESPACES) {
            run("ip", "netns", "add", names.of(ns));
            created.add(names.of(ns));
            ip(ns, "link", "set", "lo", "up");
        }
        ip(INTERNET, "link", "add", "br0", "type", "bridge");
        ip(INTERNET, "addr", "add", INTERNET_ADDRESS + "/24", "dev", "br0");
        ip(INTERNET, "link", "set", "br0", "up");
        // A default route that leads nowhere but the lab's own wire: programs there (a browser) see a network and
        // consider themselves online, yet nothing can leave the lab.
        ip(INTERNET, "route", "add", "default", "dev", "br0");
        connectHome(HOME_A, ROUTER_A, ROUTER_A_PUBLIC, "10.0.1.1", HOME_A_ADDRESS);
        connectHome(HOME_B, ROUTER_B, ROUTER_B_PUBLIC, "10.0.2.1", HOME_B_ADDRESS);
    }

    private void connectHome(String home, String router, String routerPublic, String routerPrivate, String homeAddress)
            throws IOException, InterruptedException {
        run("ip", "link", "add", "up-" + router, "netns", names.of(INTERNET), "type", "veth",
                "peer", "name", "wan", "netns", names.of(router));
        ip(INTERNET, "link", "set", "up-" + router, "master", "br0", "up");
        run("ip", "link", "add", "lan", "netns", names.of(router), "type", "veth", "peer", "name", "eth0",
                "netns", names.of(home));
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

    /** The command line that runs {@code command} inside one of the lab's namespaces ({@link #INTERNET}, …). */
    public List<String> in(String ns, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", names.of(ns)));
        full.addAll(List.of(command));
        return full;
    }

    /** Runs {@code command} in namespace {@code ns}; returns its output, or fails with the command and its words. */
    public String exec(String ns, String... command) throws IOException, InterruptedException {
        return run(in(ns, command));
    }

    /** Router {@link #ROUTER_A} or {@link #ROUTER_B} silently drops everything it would forward, as a dead uplink does. */
    public void cutUplink(String router) throws IOException, InterruptedException {
        nft(router, "add table inet outage\n"
                + "add chain inet outage cut { type filter hook forward priority -10; policy drop; }\n");
    }

    public void restoreUplink(String router) throws IOException, InterruptedException {
        nft(router, "delete table inet outage\n");
    }

    private void ip(String ns, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip", "-n", names.of(ns)));
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

    private static String run(String... command) throws IOException, InterruptedException {
        return run(List.of(command));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new IOException("the network lab needs root, iproute2 and nftables; '" + String.join(" ", command)
                    + "' could not start: " + e.getMessage(), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IOException("the network lab needs root, iproute2 and nftables; '" + String.join(" ", command)
                    + "' failed (exit " + process.exitValue() + "): " + output);
        }
        return output;
    }

    /** Deleting a namespace deletes its interfaces and rules; processes still inside keep it alive, so stop them first. */
    @Override
    public synchronized void close() {
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
