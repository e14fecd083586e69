package dev.roomcall.media.session;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.roomcall.media.WebRtcNatives;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The session's current "chat" data channel: which channel it is, and its messages handed to the executor. */
final class ChatChannel {
    private static final Logger LOG = LoggerFactory.getLogger(ChatChannel.class);

    private final String id;
    private final SessionRunner runner;
    private volatile DataLink link;

    ChatChannel(String id, SessionRunner runner) {
        this.id = id;
        this.runner = runner;
    }

    /** Takes over a channel we created or the peer announced; a channel of another name is closed. */
    void adopt(RTCDataChannel channel) {
        if (channel == null) {
            LOG.warn("session {}: libwebrtc gave no data channel; chat is unavailable", id);
            return;
        }
        if (!DataLink.LABEL.equals(channel.getLabel())) {
            LOG.info("session {}: closing a data channel this app does not use: '{}'", id, channel.getLabel());
            channel.close();
            WebRtcNatives.dispose("unused data channel", channel::dispose);
            return;
        }
        DataLink old = link;
        DataLink fresh = DataLink.create(id, channel, new DataLink.Events() {
            @Override
            public void onOpenChanged(boolean open) {
                runner.report(l -> l.onDataChannel(open));
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
        DataLink current = link;
        if (current == null) {
            return;
        }
        boolean wasOpen = current.isOpen();
        current.detach();
        if (wasOpen) {
            runner.notifyClosing(l -> l.onDataChannel(false));
        }
    }

    /** Frees the channel; after the peer connection closed. */
    void dispose() {
        DataLink current = link;
        link = null;
        if (current != null) {
            current.dispose();
        }
    }
}
