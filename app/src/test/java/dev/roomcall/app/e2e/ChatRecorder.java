package dev.roomcall.app.e2e;

import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallListener;
import dev.roomcall.app.call.PeerId;
import dev.roomcall.media.session.PeerMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The app's side of a chat test: every event of the call, whether its chat is open, and what was heard from whom. */
class ChatRecorder implements CallListener {

    /** One message, with who sent it. */
    record Heard(PeerId peer, PeerMessage message) {}

    final List<Heard> heard = new CopyOnWriteArrayList<>();
    final List<CallEvent> events = new CopyOnWriteArrayList<>();
    volatile boolean chatOpen;

    @Override
    public void onEvent(CallEvent event) {
        events.add(event);
    }

    @Override
    public void onChatChannel(boolean open) {
        chatOpen = open;
    }

    @Override
    public void onPeerMessage(PeerId peer, PeerMessage message) {
        heard.add(new Heard(peer, message));
    }

    /** The chat lines heard so far, each as "sender's member id: text". */
    List<String> chatLines() {
        return heard.stream().filter(h -> h.message() instanceof PeerMessage.Chat)
                .map(h -> h.peer().value() + ": " + ((PeerMessage.Chat) h.message()).text()).toList();
    }
}
