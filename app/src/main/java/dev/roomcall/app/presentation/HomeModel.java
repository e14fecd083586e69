package dev.roomcall.app.presentation;

import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.settings.RecentRoom;
import dev.roomcall.app.settings.ServerAddress;
import dev.roomcall.app.settings.SettingProblem;
import dev.roomcall.app.settings.Settings;
import dev.roomcall.app.settings.SettingsStore;
import dev.roomcall.signaling.RoomCode;
import java.net.URI;
import java.util.Objects;

/**
 * The home screen's decisions without a toolkit: what a new room, a code or link typed in, or a recent room leads
 * to (a call, a room to share, or a problem and where to show it), whether the server must be asked first, and
 * which server to remember for next time.
 */
public final class HomeModel {

    /** Where the calls' options come from: the runtime in the app. */
    public interface Rooms {
        /**
         * Options for a room on a chosen server; a link names its own server.
         *
         * @throws ServerAddress.InvalidServerAddress if the server (or the link) is not a server address
         * @throws IllegalArgumentException           if the input names no room
         */
        CallOptions callOptionsFor(String input, String serverChoice);

        /** Whether {@code server} is this computer's, which needs no check. */
        boolean serves(URI server);

        /** The server new rooms go to when the person types none ({@code ""}: this computer's). */
        String defaultServerChoice();
    }

    /** Where a problem is shown: beside what caused it. */
    public enum Where { JOIN, SERVER, STATUS }

    /** What a choice on the home screen leads to. */
    public sealed interface Outcome permits Go, Refused {}

    /**
     * Go ahead, once the server answers when {@code checkFirst}.
     *
     * @param share            show the new room's link to share before calling, rather than calling at once
     * @param errorsGo         where to say that the server did not answer
     * @param serverToRemember the server typed, to keep for next time once it answered; null for none
     */
    public record Go(CallOptions call, boolean share, boolean checkFirst, Where errorsGo, String serverToRemember)
            implements Outcome {}

    /**
     * Not possible as typed.
     *
     * @param textKey       the home screen's words for it, when not a server problem
     * @param argument      for those words; may be null
     * @param serverProblem what is wrong with the server address, or null
     */
    public record Refused(Where where, String textKey, String argument, SettingProblem serverProblem)
            implements Outcome {}

    private final Rooms rooms;
    private final SettingsStore store;

    public HomeModel(Rooms rooms, SettingsStore store) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** A fresh room on the server typed (empty: the default one), to share first. */
    public Outcome newRoom(String serverInput) {
        String server = serverInput.strip();
        CallOptions call;
        try {
            call = rooms.callOptionsFor(RoomCode.newRoomName(), server);
        } catch (ServerAddress.InvalidServerAddress e) {
            return new Refused(Where.SERVER, null, null, e.problem());
        }
        return go(call, true, Where.SERVER, server);
    }

    /** Joins by code (on the server typed) or by link (on the link's server). */
    public Outcome join(String input, String serverInput) {
        if (input.isBlank()) {
            return new Refused(Where.JOIN, "join.error.empty", null, null);
        }
        boolean link = input.contains("://");
        String server = serverInput.strip();
        CallOptions call;
        try {
            call = rooms.callOptionsFor(input, server);
        } catch (ServerAddress.InvalidServerAddress e) {
            return link ? new Refused(Where.JOIN, "join.error.link", null, null)
                    : new Refused(Where.SERVER, null, null, e.problem());
        } catch (IllegalArgumentException e) {
            return new Refused(Where.JOIN, "join.error.invalid", null, null);
        }
        return link ? go(call, false, Where.JOIN, null) : go(call, false, Where.SERVER, server);
    }

    /** Back into a room from the list of recent ones, on the server it was on. */
    public Outcome rejoin(RecentRoom room) {
        try {
            return go(rooms.callOptionsFor(room.room(), room.server()), false, Where.STATUS, null);
        } catch (IllegalArgumentException e) {
            // Only a hand-edited settings file gets here: the list holds rooms that were joined.
            return new Refused(Where.STATUS, "recent.error.invalid", room.room(), null);
        }
    }

    /** The server the person typed, once it answered, is the one they will want next time. */
    public void remember(Go go) {
        String server = go.serverToRemember();
        Settings settings = store.settings();
        if (server == null || server.equals(rooms.defaultServerChoice()) || server.equals(settings.server())) {
            return;
        }
        store.save(settings.withServer(server));
    }

    private Go go(CallOptions call, boolean share, Where errorsGo, String serverToRemember) {
        return new Go(call, share, !rooms.serves(call.server()), errorsGo, serverToRemember);
    }
}
