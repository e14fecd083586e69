package dev.roomcall.media.session;

import dev.roomcall.media.WebRtcNatives;
import dev.roomcall.media.local.AudioSetup;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's "chat" data channel: {@link PeerMessage}s as JSON text frames. The offerer creates it in-band
 * (so it is part of the first offer); the answerer receives it through {@code ondatachannel}. libwebrtc calls
 * the observer on its signalling thread; this class only copies and decodes there and hands results to
 * {@link Events}, which the session hands to the call's executor.
 */
final class DataLink implements RTCDataChannelObserver {
    static final String LABEL = "chat";

    /** Where decoded messages and open/closed changes go; must not block. */
    interface Events {
        void onOpenChanged(boolean open);

        void onMessage(PeerMessage message);
    }

    private static final Logger LOG = LoggerFactory.getLogger(DataLink.class);

    private final String sessionId;
    private final RTCDataChannel channel;
    private final Events events;
    private volatile boolean open;
    private volatile boolean detached;

    private DataLink(String sessionId, RTCDataChannel channel, Events events) {
        this.sessionId = sessionId;
        this.channel = channel;
        this.events = events;
    }

    /**
     * A link over {@code channel} that reports nothing until {@link #start()}: the owner publishes it first, so
     * whoever hears "open" and sends at once finds it (an incoming channel is often open already).
     */
    static DataLink create(String sessionId, RTCDataChannel channel, Events events) {
        return new DataLink(sessionId, channel, events);
    }

    /**
     * Starts observing the channel. libwebrtc keeps what arrived before an observer was registered and delivers
     * it now; a channel that opened meanwhile is reported open at once.
     */
    void start() {
        channel.registerObserver(this);
        onStateChange();
    }

    boolean isOpen() {
        return open && !detached;
    }

    /** Sends one message; false if the channel is not open or libwebrtc refused it. Call on the call's executor. */
    boolean send(PeerMessage message) {
        if (!isOpen()) {
            return false;
        }
        byte[] utf8 = PeerMessageCodec.encode(message).getBytes(StandardCharsets.UTF_8);
        try {
            // A direct buffer is handed to native code as it is; a heap one would be copied once more.
            ByteBuffer data = ByteBuffer.allocateDirect(utf8.length).put(utf8).flip();
            channel.send(new RTCDataChannelBuffer(data, false));
            return true;
        } catch (Exception | Error e) {
            LOG.warn("session {}: data channel send failed: {}", sessionId, e.toString());
            return false;
        }
    }

    @Override
    public void onStateChange() {
        if (detached) {
            return;
        }
        boolean nowOpen = channel.getState() == RTCDataChannelState.OPEN;
        if (nowOpen != open) {
            open = nowOpen;
            LOG.info("session {}: data channel '{}' {}", sessionId, LABEL, nowOpen ? "open" : "closed");
            events.onOpenChanged(nowOpen);
        }
    }

    @Override
    public void onMessage(RTCDataChannelBuffer buffer) {
        if (detached) {
            return;
        }
        if (buffer.binary) {
            LOG.warn("session {}: ignoring a binary data channel message", sessionId);
            return;
        }
        // The buffer is only valid during this callback: copy what we keep.
        ByteBuffer data = buffer.data;
        if (data.remaining() > PeerMessageCodec.MAX_FRAME_BYTES) {
            LOG.warn("session {}: ignoring a data channel message of {} bytes", sessionId, data.remaining());
            return;
        }
        Optional<String> text = utf8(data);
        Optional<PeerMessage> message = text.flatMap(PeerMessageCodec::decode);
        if (message.isEmpty()) {
            LOG.warn("session {}: ignoring a data channel message that is not a Roomcall peer message", sessionId);
            return;
        }
        events.onMessage(message.get());
    }

    @Override
    public void onBufferedAmountChange(long previousAmount) {
        // Chat is a trickle; nothing to throttle.
    }

    /** Stops all callbacks; call before the peer connection closes. */
    void detach() {
        if (detached) {
            return;
        }
        detached = true;
        boolean wasOpen = open;
        open = false;
        try {
            channel.unregisterObserver();
            channel.close();
        } catch (RuntimeException | Error e) {
            LOG.debug("session {}: closing the data channel: {}", sessionId, e.toString());
        }
        if (wasOpen) {
            events.onOpenChanged(false);
        }
    }

    /** Frees the native channel; after the peer connection is closed. */
    void dispose() {
        WebRtcNatives.dispose("data channel", channel::dispose);
    }

    private static Optional<String> utf8(ByteBuffer data) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(data.duplicate()).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
