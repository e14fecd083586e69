package dev.roomcall.media.session;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.roomcall.media.WebRtcNatives;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's current "chat" data channel: which channel it is, and its messages handed to the executor. In a
 * subscription to a media server, channels of other names are the server's relays of its publishers' messages,
 * each named by its publisher; those are kept and their messages reported with the name.
 */
final class ChatChannel {
    private static final Logger LOG = LoggerFactory.getLogger(ChatChannel.class);

    private final String id;
    private final SessionRunner runner;
    private final boolean relays;
    private final java.util.List<DataLink> relayed = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile DataLink link;
    /**
     * Whether the listener last heard "open". Changed only on the executor, where the listener hears it: a channel
     * that closes while the session is closing reports through a runner that no longer delivers, and teardown must
     * still give the listener its last word.
     */
    private boolean listenerThinksOpen;

    ChatChannel(String id, SessionRunner runner, boolean relays) {
        this.id = id;
        this.runner = runner;
        this.relays = relays;
    }

    /** Hands {@code message} to the open channel's send, on the executor; false if no channel is open now. */
    boolean send(PeerMessage message) {
        DataLink current = link;
        if (current == null || !current.isOpen() || runner.isClosed()) {
            return false;
        }
        runner.run(() -> {
            if (!current.send(message)) {
                LOG.debug("session {}: {} not sent", id, message.getClass().getSimpleName());
            }
        });
        return true;
    }

    /** Opens this side's "chat" channel on {@code pc} and takes it over. */
    void open(RTCPeerConnection pc) {
        RTCDataChannelInit init = new RTCDataChannelInit();
        init.protocol = "";
        adopt(pc.createDataChannel(DataLink.LABEL, init));
    }

    /** Takes over a channel we created or the peer announced; a channel of another name is closed. */
    void adopt(RTCDataChannel channel) {
        if (channel == null) {
            LOG.warn("session {}: libwebrtc gave no data channel; chat is unavailable", id);
            return;
        }
        String label = channel.getLabel();
        if (!DataLink.LABEL.equals(label) && relays) {
            DataLink relay = DataLink.create(id, channel, new DataLink.Events() {
                @Override
                public void onOpenChanged(boolean open) {
                    // Only our own "chat" channel says whether we can send.
                }

                @Override
                public void onMessage(PeerMessage message) {
                    runner.report(l -> l.onRelayedMessage(label, message));
                }
            });
            relayed.add(relay);
            relay.start();
            return;
        }
        if (!DataLink.LABEL.equals(label)) {
            LOG.info("session {}: closing a data channel this app does not use: '{}'", id, channel.getLabel());
            channel.close();
            WebRtcNatives.dispose("unused data channel", channel::dispose);
            return;
        }
        DataLink old = link;
        DataLink fresh = DataLink.create(id, channel, new DataLink.Events() {
            @Override
            public void onOpenChanged(boolean open) {
                runner.report(l -> {
                    listenerThinksOpen = open;
                    l.onDataChannel(open);
                });
            }

            @Override
            public void onMessage(PeerMessage message) {
                runner.report(l -> l.onPeerMessage(message));
            }
        });
        // Published before it can report "open": the listener may send the moment it hears that.
        link = fresh;
        fresh.start();
        if (old != null) {
            old.detach();
            old.dispose();
        }
    }

    DataLink current() {
        return link;
    }

    boolean isOpen() {
        DataLink current = link;
        return current != null && current.isOpen();
    }

    /**
     * Stops callbacks; at teardown, before the peer connection closes. A channel that was open is reported closed:
     * the listener's last word on chat, though the session is closing.
     */
    void detach() {
        relayed.forEach(DataLink::detach);
        DataLink current = link;
        if (current == null) {
            return;
        }
        current.detach();
        if (listenerThinksOpen) {
            listenerThinksOpen = false;
            runner.notifyClosing(l -> l.onDataChannel(false));
        }
    }

    /** Frees the channel; after the peer connection closed. */
    void dispose() {
        relayed.forEach(DataLink::dispose);
        relayed.clear();
        DataLink current = link;
        link = null;
        if (current != null) {
            current.dispose();
        }
    }
}
