package dev.roomcall.app.call;

import dev.roomcall.media.local.TrackPlacement;

/**
 * Where this side's shared screen goes for the people in the call (docs/protocol.md §12). A peer reached through
 * Roomcall's server that is not marked as a demo page is a {@code roomcall.v1} peer: it tells a second video track
 * apart and shows it large, so the screen goes {@link TrackPlacement#BESIDE_CAMERA}. A peer that shows one stream
 * (the 004/000 demo pages, met on a plain relay or marked {@code demo} by Roomcall's server) gets the screen
 * {@link TrackPlacement#INSTEAD_OF_CAMERA}, and the camera back when sharing stops.
 */
public final class SharePlacement {

    private SharePlacement() {}

    /**
     * @param roomcallServer true once Roomcall's server said {@code joined} on a {@code roomcall.v1} connection;
     *                       false on a plain relay, which never does
     * @param demoPeer       true if someone in the room is marked {@code demo} (no {@code roomcall.v1})
     */
    public static TrackPlacement decide(boolean roomcallServer, boolean demoPeer) {
        return roomcallServer && !demoPeer ? TrackPlacement.BESIDE_CAMERA : TrackPlacement.INSTEAD_OF_CAMERA;
    }
}
