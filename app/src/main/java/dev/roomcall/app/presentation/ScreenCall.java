package dev.roomcall.app.presentation;

import dev.roomcall.app.call.CallController;
import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallListener;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.call.RemotePeer;
import dev.roomcall.app.presentation.group.Participants;
import dev.roomcall.app.presentation.group.PeopleFeed;
import dev.roomcall.media.CameraState;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.local.LocalMedia;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.session.PeerMessage;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A running call as a screen shows it: the toolkit-free {@link CallViewModel} and {@link DevicesModel}, the pictures
 * to draw, and the link to share. Events reach the models in one hop from the call's thread onto the UI thread
 * ({@code ui}); the screen never sees the media engine or the call's plumbing.
 */
public final class ScreenCall {

    private final CallController call;
    private final CallViewModel model;
    private final ShareModel share;
    private final DevicesModel devices;
    private final Supplier<FrameSource> preview;
    private final String browserLink;
    private final CallObservers observers;
    private final BooleanSupplier cameraCaptures;
    private final Participants participants;

    private ScreenCall(CallController call, CallViewModel model, ShareModel share, DevicesModel devices,
                       Supplier<FrameSource> preview, String browserLink, CallObservers observers,
                       BooleanSupplier cameraCaptures, Participants participants) {
        this.call = call;
        this.participants = participants;
        this.model = model;
        this.share = share;
        this.devices = devices;
        this.preview = preview;
        this.browserLink = browserLink;
        this.observers = observers;
        this.cameraCaptures = cameraCaptures;
    }

    /** Starts a call on {@code engine} whose models live on the UI thread that {@code ui} runs tasks on. */
    public static ScreenCall start(MediaEngine engine, CallOptions options, String browserLink, Executor ui) {
        CallController call = CallController.prepare(options, engine);
        CallViewModel model = new CallViewModel(options, call, () -> System.nanoTime() / 1_000_000);
        DevicesModel devices = DevicesModel.watching(engine, ui::execute);
        CallObservers observers = new CallObservers();
        Participants participants = new Participants(() -> System.nanoTime() / 1_000_000);
        PeopleFeed people = new PeopleFeed(participants, peer -> call.remoteVideo(peer).orElse(null),
                peer -> call.remoteScreen(peer).orElse(null));
        ShareModel share = new ShareModel(call.share(), java.util.Set::of, System.getenv());
        call.start(new CallListener() {
            @Override
            public void onEvent(CallEvent event) {
                ui.execute(() -> {
                    model.accept(event);
                    people.accept(event);
                    share.accept(event);
                    observers.accept(event);
                });
            }

            @Override
            public void onChatChannel(boolean open) {
                ui.execute(() -> model.chatChannel(open));
            }

            @Override
            public void onPeerMessage(PeerId peer, PeerMessage message) {
                ui.execute(() -> {
                    model.peerMessage(message);
                    people.peerMessage(peer, message);
                });
            }
        });
        LocalMedia local = engine.localMedia();
        return new ScreenCall(call, model, share, devices, local::preview, browserLink, observers,
                () -> local.camera() == CameraState.DEVICE && local.cameraEnabled(), participants);
    }

    /** Also tells {@code observer} every event of the call, on the UI thread, after the model has taken it. */
    public void observe(Consumer<CallEvent> observer) {
        observers.add(observer);
    }

    public CallViewModel model() {
        return model;
    }

    /** The size cap, frame rate and bit rate of shares started from now on (the person's settings). */
    public void configureSharing(dev.roomcall.media.screen.ShareSettings settings) {
        call.share().configure(settings);
    }

    /** Screen sharing: the picker, what this side shares, whether the other person shares. */
    public ShareModel share() {
        return share;
    }


    public DevicesModel devices() {
        return devices;
    }

    /** The other people as the grid shows them, fed from the call's events on the UI thread, like {@link #model()}. */
    public Participants participants() {
        return participants;
    }


    /** {@code peer}'s newest picture; null while there is no session with them. Callable from any thread. */
    public Supplier<FrameSource> remoteVideo(PeerId peer) {
        return () -> call.remoteVideo(peer).orElse(null);
    }

    /** The other people now, in the order their sessions began, with their names. Callable from any thread. */
    public List<RemotePeer> peers() {
        return call.peers();
    }

    /** This side's own picture, as sent. */
    public Supplier<FrameSource> preview() {
        return preview;
    }

    /**
     * True while the preview shows a real camera, which reads best mirrored; false for the synthetic pattern and
     * the "camera off" slate, whose painted text must stay readable.
     */
    public boolean previewIsCamera() {
        return cameraCaptures.getAsBoolean();
    }

    /** The page a browser opens to join this call. */
    public String browserLink() {
        return browserLink;
    }

    /** Ends the call (the peer is told at once) and waits until the bye is out. */
    public void close() {
        devices.close();
        call.close();
    }
}
