// Installed by the call benchmark before the Roomcall page's own scripts run (CDP addScriptToEvaluateOnNewDocument);
// the page itself is not changed. It records, in page time (performance.now(), ms after navigation start):
//   wsOpen     - the signaling WebSocket opened (the app's "ms" fields count from the same moment)
//   joined     - the server's "joined" message arrived
//   connected  - an RTCPeerConnection reached connectionState "connected"
//   decoded    - getStats() first showed a decoded remote video frame (polled every 10 ms until then)
//   presented  - the remote <video> element presented its first frame (requestVideoFrameCallback)
//   codec      - the mime type of the codec that first decoded frame came in (e.g. video/H264)
// and, on the page that answers (the reference, already in the room), its own share of the set-up:
//   offerIn    - the peer's offer arrived over signaling
//   answerOut  - this page sent its answer
//   firstSent  - getStats() first showed a video frame of this page's sent (polled every 5 ms from "connected")
// It also asks getUserMedia for exactly the benchmark's size and rate (the page asks for "video: true", for which
// Chromium would scale its camera to its 640x480 default) and marks the camera track contentHint "detail", which
// makes Chromium keep the resolution when it adapts (it lowers the frame rate instead). Without that, Chromium
// starts a call at a quarter of the size and on a busy 2-core machine stays there, while the Roomcall app keeps
// sending 1280x720: the sides would not do the same work. The frame rates actually decoded are reported.
// BENCH_VIDEO = {width, height, fps} is defined in front of this file by the harness.
(() => {
  const marks = {
    wsOpen: null, joined: null, connected: null, decoded: null, presented: null, codec: null,
    offerIn: null, answerOut: null, firstSent: null,
  };
  window.__roomcallBench = marks;
  const now = () => performance.now();

  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('open', () => { if (marks.wsOpen === null) marks.wsOpen = now(); });
      this.addEventListener('message', (event) => {
        if (marks.joined === null && typeof event.data === 'string' && event.data.includes('"event":"joined"')) {
          marks.joined = now();
        }
        if (marks.offerIn === null && typeof event.data === 'string' && event.data.includes('"type":"offer"')) {
          marks.offerIn = now();
        }
      });
    }

    send(data) {
      if (marks.answerOut === null && typeof data === 'string' && data.includes('"type":"answer"')) {
        marks.answerOut = now();
      }
      return super.send(data);
    }
  };

  const NativePeerConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeerConnection {
    constructor(...args) {
      super(...args);
      this.addEventListener('connectionstatechange', () => {
        if (this.connectionState === 'connected' && marks.connected === null) marks.connected = now();
        if (this.connectionState === 'connected') pollSent(this);
      });
      this.addEventListener('track', (event) => {
        if (event.track.kind === 'video') pollDecoded(this);
      });
    }
  };

  // Reads pc.getStats() every `interval` ms until the mark `name` is set (by `look`, given each report) or the
  // connection closes.
  function pollStats(pc, name, interval, look) {
    const poll = async () => {
      if (marks[name] !== null || pc.connectionState === 'closed') return;
      try {
        look(await pc.getStats());
      } catch (err) {
        // the connection went away; nothing to time
      }
      if (marks[name] === null) setTimeout(poll, interval);
    };
    poll();
  }

  function pollDecoded(pc) {
    pollStats(pc, 'decoded', 10, (report) => report.forEach((s) => {
      if (marks.decoded === null && s.type === 'inbound-rtp' && s.kind === 'video' && s.framesDecoded > 0) {
        marks.decoded = now();
        const codec = s.codecId && report.get(s.codecId);
        marks.codec = codec ? codec.mimeType : '';
      }
    }));
  }

  function pollSent(pc) {
    pollStats(pc, 'firstSent', 5, (report) => report.forEach((s) => {
      if (marks.firstSent === null && s.type === 'outbound-rtp' && s.kind === 'video' && s.framesSent > 0) {
        marks.firstSent = now();
      }
    }));
  }

  function watchPresented() {
    const video = document.getElementById('remote-video');
    if (!video || !video.requestVideoFrameCallback) return;
    video.requestVideoFrameCallback(() => { if (marks.presented === null) marks.presented = now(); });
  }
  document.addEventListener('DOMContentLoaded', watchPresented);

  const devices = navigator.mediaDevices;
  if (devices && devices.getUserMedia) {
    const getUserMedia = devices.getUserMedia.bind(devices);
    devices.getUserMedia = (constraints) => {
      if (constraints && constraints.video === true) {
        constraints = Object.assign({}, constraints, {
          video: {
            width: { exact: BENCH_VIDEO.width },
            height: { exact: BENCH_VIDEO.height },
            frameRate: { ideal: BENCH_VIDEO.fps },
          },
        });
      }
      return getUserMedia(constraints).then((stream) => {
        stream.getVideoTracks().forEach((track) => { track.contentHint = 'detail'; });
        return stream;
      });
    };
  }
})();
