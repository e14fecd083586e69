package dev.roomcall.bench.relay;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.roomcall.server.MessageKind;
import dev.roomcall.server.RelayClassifier;
import dev.roomcall.signaling.SessionDescription;
import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalMessage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What Roomcall's relay spends per message outside Jetty, found by profiling the relay benchmark (JFR): it used to
 * decode every message with SignalCodec (a full Gson tree) only to classify it; it now classifies the frame's bytes
 * with the server's RelayClassifier (streaming, no tree, no String). Compared here with a UTF-8 round trip (what
 * decoding the frame to a String and encoding it again costs with the JDK's own codecs, which the relay no longer
 * does) and with a streaming skim that reads only the top-level keys and checks nothing — the lower bound of any
 * classifier built on Gson's JsonReader. The candidate is the message a call sends most; the offer, the largest.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RelayMessageBench {

    private final String candidate = StampedMessage.of(123_456_789_012L);
    private final byte[] candidateBytes = candidate.getBytes(StandardCharsets.UTF_8);
    /** About the size of Chromium's audio+video offer. */
    private final String offer = SignalCodec.encode(new SignalMessage.Offer(new SessionDescription("offer",
            "a=candidate:1 1 udp 2122194687 192.0.2.2 55173 typ host generation 0\r\n".repeat(90))));
    private final byte[] offerBytes = offer.getBytes(StandardCharsets.UTF_8);

    /** Before: what the relay did per message until it classified bytes. */
    @Benchmark
    public SignalMessage classifyWithSignalCodec() {
        return SignalCodec.decode(candidate);
    }

    /** After: what the relay does per message now, from the bytes as they arrived. */
    @Benchmark
    public MessageKind classifyWithRelayClassifier() {
        return RelayClassifier.classify(candidateBytes);
    }

    @Benchmark
    public SignalMessage classifyOfferWithSignalCodec() {
        return SignalCodec.decode(offer);
    }

    @Benchmark
    public MessageKind classifyOfferWithRelayClassifier() {
        return RelayClassifier.classify(offerBytes);
    }

    @Benchmark
    public byte[] utf8RoundTrip() {
        return new String(candidateBytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public String streamingSkim() throws IOException {
        JsonReader reader = new JsonReader(new StringReader(candidate));
        reader.setStrictness(Strictness.STRICT);
        String event = null;
        reader.beginObject();
        while (reader.hasNext()) {
            if (reader.nextName().equals("event")) {
                event = reader.nextString();
            } else {
                reader.skipValue();
            }
        }
        reader.endObject();
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new IOException("trailing data");
        }
        return event;
    }
}
