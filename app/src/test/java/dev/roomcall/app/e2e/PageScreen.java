package dev.roomcall.app.e2e;

/**
 * A screen share from a page, done the way protocol §12 says a browser shares (and the way getDisplayMedia's
 * track is added): a second video track added to the page's peer connection after its camera, removed with
 * removeTrack. The track is a canvas painted with the shared desktop's quadrants, so no screen-capture prompt is
 * involved. Needs {@link ScreenTrackProbe#open} (it finds the page's connection).
 */
final class PageScreen {

    private static final String START = """
            const [w, h] = [arguments[0], arguments[1]];
            const pc = (window.__rcPcs || []).find((p) => p.connectionState === 'connected');
            if (!pc) return 'no connected peer connection';
            const canvas = document.createElement('canvas');
            canvas.width = w;
            canvas.height = h;
            const g = canvas.getContext('2d');
            const paint = () => {
              g.fillStyle = '#ff0000'; g.fillRect(0, 0, w / 2, h / 2);
              g.fillStyle = '#00ff00'; g.fillRect(w / 2, 0, w / 2, h / 2);
              g.fillStyle = '#0000ff'; g.fillRect(0, h / 2, w / 2, h / 2);
              g.fillStyle = '#ffffff'; g.fillRect(w / 2, h / 2, w / 2, h / 2);
              g.fillStyle = '#000000'; g.font = `bold ${Math.round(h / 14)}px sans-serif`;
              g.fillText('Shared from the page ' + new Date().toISOString().slice(11, 19), w / 40, h / 8);
            };
            paint();
            window.__rcScreenTimer = setInterval(paint, 200);
            const track = canvas.captureStream(10).getVideoTracks()[0];
            track.contentHint = 'detail';
            window.__rcScreenSender = pc.addTrack(track, new MediaStream([track]));
            return 'sharing';
            """;

    private static final String STOP = """
            const pc = (window.__rcPcs || []).find((p) => p.connectionState === 'connected');
            if (!pc || !window.__rcScreenSender) return 'not sharing';
            clearInterval(window.__rcScreenTimer);
            const track = window.__rcScreenSender.track;
            pc.removeTrack(window.__rcScreenSender);
            if (track) track.stop();
            window.__rcScreenSender = null;
            return 'stopped';
            """;

    private PageScreen() {}

    static void start(BrowserPeer page, int width, int height) {
        Object result = page.execute(START, width, height);
        if (!"sharing".equals(result)) {
            throw new AssertionError(page.name() + " could not share: " + result);
        }
    }

    static void stop(BrowserPeer page) {
        Object result = page.execute(STOP);
        if (!"stopped".equals(result)) {
            throw new AssertionError(page.name() + " could not stop sharing: " + result);
        }
    }
}
