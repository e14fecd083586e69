package dev.roomcall.signaling;

import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/** Settings for a {@link SignalingClient}, from {@link SignalingClient#builder}; the defaults suit Roomcall's own server. */
public final class SignalingClientBuilder {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    public static final int DEFAULT_QUEUE_CAPACITY = 256;

    URI uri;
    final SignalingListener listener;
    Dialect dialect = Dialect.EVENT;
    Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    Backoff backoff = Backoff.DEFAULT;
    int maxRetries = Integer.MAX_VALUE;
    int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    Duration heartbeat = DEFAULT_HEARTBEAT;
    final Map<String, String> headers = new LinkedHashMap<>();
    String pinnedCertificate;
    KeyStore trustStore;
    Executor executor;

    SignalingClientBuilder(URI uri, SignalingListener listener) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.listener = Objects.requireNonNull(listener, "listener");
        String scheme = uri.getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("a signaling address starts with ws:// or wss://, not '" + uri + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the signaling address '" + uri + "' has no host");
        }
    }

    /**
     * Joins with this token on every connection (the first and each reconnect), so Roomcall's server, on whichever
     * node, gives this client the same member id each time (docs/protocol.md §13): a call's peers keep their sessions
     * with it when its room moves to another node. Make one per call ({@link MemberToken#random()}).
     */
    public SignalingClientBuilder memberToken(MemberToken token) {
        this.uri = Objects.requireNonNull(token, "token").addTo(uri);
        return this;
    }

    /** The dialect offers, answers and candidates are written in; {@link Dialect#EVENT} by default. */
    public SignalingClientBuilder dialect(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        return this;
    }

    /** How long one attempt may take to connect and finish the handshake; 10 s by default. */
    public SignalingClientBuilder connectTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive, was " + timeout);
        }
        this.connectTimeout = timeout;
        return this;
    }

    public SignalingClientBuilder backoff(Backoff backoff) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        return this;
    }

    /**
     * How many attempts in a row may fail before the client gives up and closes; unlimited by default.
     * 0 means: no reconnecting at all. A successful connection starts the count again.
     */
    public SignalingClientBuilder maxRetries(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("max retries must not be negative, was " + retries);
        }
        this.maxRetries = retries;
        return this;
    }

    /** How many messages may wait for a connection; 256 by default. */
    public SignalingClientBuilder queueCapacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("queue capacity must not be negative, was " + capacity);
        }
        this.queueCapacity = capacity;
        return this;
    }

    /**
     * How often an idle connection is pinged to notice a dead network (the connection is dropped, and so
     * reconnected, when pongs stop); 15 s by default, {@link Duration#ZERO} turns it off.
     */
    public SignalingClientBuilder heartbeat(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("heartbeat must not be negative, was " + interval);
        }
        this.heartbeat = interval;
        return this;
    }

    /** An extra HTTP header for the handshake, e.g. {@code Origin} for a server that checks it. */
    public SignalingClientBuilder header(String name, String value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Trusts exactly the server certificate with this SHA-256 fingerprint ({@code AB:CD:…}, as
     * {@link CertificateFingerprint} writes it; case and separators do not matter), even a self-signed one, and
     * refuses every other certificate, whoever signed it. For a server whose fingerprint was shown and compared,
     * such as Roomcall's built-in one. Only meaningful for {@code wss://}.
     *
     * @throws IllegalArgumentException if it is not a SHA-256 fingerprint
     */
    public SignalingClientBuilder pinnedCertificate(String sha256Fingerprint) {
        this.pinnedCertificate = CertificateFingerprint.normalize(sha256Fingerprint);
        return this;
    }

    /**
     * Trusts the authorities in this key store instead of the Java runtime's default ones (e.g. a company's own
     * CA). Host names are still checked. Ignored when a certificate is pinned.
     */
    public SignalingClientBuilder trustStore(KeyStore trustStore) {
        this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
        return this;
    }

    /**
     * Runs the listener's callbacks on {@code executor} instead of a thread of the client's own, so a caller with a
     * thread of its own (a call) gets its signaling news there without a hop. The executor must run tasks one at a
     * time in the order given (a single thread), or the listener would see news out of order. The client never shuts
     * it down; news that it rejects (because its owner shut it down) is dropped.
     */
    public SignalingClientBuilder executor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /** The client, not yet connected: call {@link SignalingClient#connect()}. */
    public SignalingClient build() {
        return new SignalingClient(this);
    }
}
