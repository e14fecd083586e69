// Benchmark only: makes this page ask for BENCH_PREFERRED_CODEC first on every video m-section, as Roomcall asks
// for H.264 on its camera, so that a Chromium ↔ Chromium reference can be measured with the same codec. A reorder:
// every other codec stays in the descriptions.
(() => {
  const wanted = 'VIDEO/' + BENCH_PREFERRED_CODEC.toUpperCase();
  const ordered = () => {
    const codecs = RTCRtpReceiver.getCapabilities('video').codecs;
    return codecs.filter(c => c.mimeType.toUpperCase() === wanted)
      .concat(codecs.filter(c => c.mimeType.toUpperCase() !== wanted));
  };
  // The page uses setLocalDescription() without a description (perfect negotiation), which makes its own offer or
  // answer without calling createOffer/createAnswer: the order is set before all three.
  for (const name of ['createOffer', 'createAnswer', 'setLocalDescription']) {
    const original = RTCPeerConnection.prototype[name];
    RTCPeerConnection.prototype[name] = function (...args) {
      for (const transceiver of this.getTransceivers()) {
        if (transceiver.receiver.track && transceiver.receiver.track.kind === 'video'
            && transceiver.currentDirection !== 'stopped') {
          try {
            transceiver.setCodecPreferences(ordered());
          } catch (e) {
            console.warn('bench: codec order not set', e);
          }
        }
      }
      return original.apply(this, args);
    };
  }
})();
