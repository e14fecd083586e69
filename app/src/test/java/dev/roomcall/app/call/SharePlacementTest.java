package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.media.local.TrackPlacement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a shared screen goes, by what the room says about the people in it (docs/protocol.md §12). */
class SharePlacementTest {

    @ParameterizedTest(name = "roomcall server {0}, demo page in the room {1} -> {2}")
    @CsvSource({
        // A roomcall.v1 peer tells a second track apart and shows the screen large beside the camera.
        "true,  false, BESIDE_CAMERA",
        // A demo page marked by Roomcall's server shows one stream: the screen takes the camera's place.
        "true,  true,  INSTEAD_OF_CAMERA",
        // A plain relay (004/000) never says joined: whoever is there is a demo page.
        "false, false, INSTEAD_OF_CAMERA",
        "false, true,  INSTEAD_OF_CAMERA",
    })
    void decides(boolean roomcallServer, boolean demoPeer, TrackPlacement expected) {
        assertEquals(expected, SharePlacement.decide(roomcallServer, demoPeer));
    }
}
