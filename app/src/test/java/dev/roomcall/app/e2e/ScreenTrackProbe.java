package dev.roomcall.app.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Looks at the video a page decodes, whatever the page shows: a script installed before the page's own records
 * every RTCPeerConnection, and {@link #sample} draws the n-th received video track into a canvas and reads pixels
 * from it. Index 0 is the peer's first video (its camera, or in replace mode whatever it sends there), 1 a second
 * video track (a screen shared beside the camera).
 */
final class ScreenTrackProbe {

    private static final String RECORD_CONNECTIONS = """
            (() => {
              const Original = window.RTCPeerConnection;
              if (!Original || Original.__roomcallProbe) return;
              window.__rcPcs = [];
              const Probe = function (...args) {
                const pc = new Original(...args);
                window.__rcPcs.push(pc);
                return pc;
              };
              Probe.prototype = Original.prototype;
              Object.setPrototypeOf(Probe, Original);
              Probe.__roomcallProbe = true;
              window.RTCPeerConnection = Probe;
            })();
            """;

    private static final String SAMPLE = """
            const [index, points] = [arguments[0], arguments[1]];
            const done = arguments[arguments.length - 1];
            const live = (window.__rcPcs || []).filter((pc) => pc.connectionState !== 'closed');
            const videos = live.flatMap((pc) => pc.getTransceivers())
                .filter((t) => t.receiver && t.receiver.track && t.receiver.track.kind === 'video'
                    && t.currentDirection && t.currentDirection.includes('recv') && t.mid !== null);
            if (videos.length <= index) { done({ error: 'video tracks received: ' + videos.length }); return; }
            const probes = (window.__rcProbe = window.__rcProbe || {});
            const track = videos[index].receiver.track;
            let v = probes[index];
            if (!v || v.srcObject.getVideoTracks()[0] !== track) {
              if (v) v.remove();
              v = document.createElement('video');
              v.muted = true;
              v.playsInline = true;
              v.style.cssText = 'position:fixed;right:0;bottom:0;width:64px;height:36px;z-index:99999';
              v.srcObject = new MediaStream([track]);
              document.body.appendChild(v);
              v.play().catch(() => {});
              probes[index] = v;
            }
            if (!v.videoWidth || v.readyState < 2) { done({ error: 'no frame yet' }); return; }
            const c = document.createElement('canvas');
            c.width = v.videoWidth;
            c.height = v.videoHeight;
            const g = c.getContext('2d', { willReadFrequently: true });
            g.drawImage(v, 0, 0);
            const pixels = points.map(([fx, fy]) => Array.from(g.getImageData(
                Math.min(c.width - 1, Math.floor(fx * c.width)), Math.min(c.height - 1, Math.floor(fy * c.height)), 1, 1)
                .data.slice(0, 3)));
            done({ width: c.width, height: c.height, pixels, videos: videos.length });
            """;

    /** What one sample saw: the decoded picture's size and the colour at each point asked for. */
    record Sample(int width, int height, List<int[]> pixels, String error) {
        boolean matches(int[][] expected, int tolerance) {
            if (error != null || pixels.size() != expected.length) {
                return false;
            }
            for (int i = 0; i < expected.length; i++) {
                for (int c = 0; c < 3; c++) {
                    if (Math.abs(pixels.get(i)[c] - expected[i][c]) > tolerance) {
                        return false;
                    }
                }
            }
            return true;
        }

        @Override
        public String toString() {
            if (error != null) {
                return "Sample[" + error + "]";
            }
            StringBuilder s = new StringBuilder("Sample[" + width + "x" + height);
            pixels.forEach(p -> s.append(" (").append(p[0]).append(',').append(p[1]).append(',').append(p[2]).append(')'));
            return s.append(']').toString();
        }
    }

    private ScreenTrackProbe() {}

    /** Opens {@code url} in a browser whose pages are watched from their first script on. */
    static BrowserPeer open(String name, String url) {
        BrowserPeer peer = BrowserPeer.open(name, "about:blank");
        try {
            peer.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_CONNECTIONS));
            peer.driver().get(url);
        } catch (RuntimeException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    @SuppressWarnings("unchecked")
    static Sample sample(BrowserPeer peer, int videoIndex, double[][] points) {
        ChromeDriver driver = peer.driver();
        List<List<Double>> at = java.util.Arrays.stream(points).map(p -> List.of(p[0], p[1])).toList();
        Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript(SAMPLE, videoIndex, at);
        if (result == null || result.get("error") != null) {
            return new Sample(0, 0, List.of(), result == null ? "no result" : String.valueOf(result.get("error")));
        }
        List<int[]> pixels = ((List<List<Number>>) result.get("pixels")).stream()
                .map(p -> new int[] {p.get(0).intValue(), p.get(1).intValue(), p.get(2).intValue()}).toList();
        return new Sample(((Number) result.get("width")).intValue(), ((Number) result.get("height")).intValue(), pixels,
                null);
    }

    /** Samples until the picture shows {@code expected} at {@code points}; fails with the last sample. */
    static Sample awaitColours(BrowserPeer peer, int videoIndex, double[][] points, int[][] expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Sample last = null;
        while (Instant.now().isBefore(deadline)) {
            last = sample(peer, videoIndex, points);
            if (last.matches(expected, 60)) {
                return last;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError(peer.name() + ": video " + videoIndex + " never showed the expected colours within "
                + timeout + "; last " + last);
    }
}
