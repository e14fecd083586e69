// The call's counters for tests and diagnostics (window.roomcall.stats()), and who is speaking.

import { links, firstLink, call } from './state.js';
import { renderTiles } from './grid.js';

// A remote track whose audioLevel (0..1) is above this is someone speaking; sampled every SPEAKING_POLL_MS.
const SPEAKING_LEVEL = 0.02;
export const SPEAKING_POLL_MS = 400;

/**
 * The call's counters: the top-level fields are sums over everyone (width/height and the candidate pair are the
 * first person's, as in a 1:1 call), and peers holds one object per other person. Camera and shared screen are
 * counted apart: framesDecoded/framesSent/width/height are cameras, the screen* fields shared screens.
 */
export async function stats() {
  const first = firstLink();
  const result = {
    framesDecoded: 0, framesSent: 0, bytesReceived: 0, bytesSent: 0, audioBytesReceived: 0,
    screenFramesDecoded: 0, screenFramesSent: 0,
    width: 0, height: 0, connectionState: first ? first.pc.connectionState : 'none',
    candidatePair: null, // { local: {type, address, port, protocol}, remote: {...} } of the selected pair
    peers: [],
  };
  for (const link of links()) {
    const report = await link.pc.getStats();
    const pair = selectedPair(report);
    const peer = {
      peer: link.peerId, name: link.name, framesDecoded: 0, bytesReceived: 0, audioBytesReceived: 0,
      width: 0, height: 0, fps: 0, audioLevel: link.audioLevel, speaking: link.speaking,
      connectionState: link.pc.connectionState, candidateType: pair && pair.local ? pair.local.type : null,
      rttMs: null, presenting: link.presenting,
      screenFramesDecoded: 0, screenBytesReceived: 0, screenWidth: 0, screenHeight: 0, screenFps: 0,
    };
    if (link === first) result.candidatePair = pair;
    report.forEach((s) => {
      // Through the media server everyone's feeds share one connection: count only this person's sections.
      if (link.feed && s.type === 'inbound-rtp' && !link.mids.has(s.mid)) return;
      if (s.type === 'inbound-rtp' && s.kind === 'video') {
        const prefix = isRemoteScreen(link, s) ? 'screen' : '';
        peer[field(prefix, 'framesDecoded')] += s.framesDecoded || 0;
        peer[field(prefix, 'bytesReceived')] += s.bytesReceived || 0;
        if (s.frameWidth) peer[field(prefix, 'width')] = s.frameWidth;
        if (s.frameHeight) peer[field(prefix, 'height')] = s.frameHeight;
        if (s.framesPerSecond) peer[field(prefix, 'fps')] = s.framesPerSecond;
      } else if (s.type === 'inbound-rtp' && s.kind === 'audio') {
        peer.audioBytesReceived += s.bytesReceived || 0;
      } else if (s.type === 'outbound-rtp' && s.kind === 'video') {
        if (isOwnScreen(link, s, report)) {
          result.screenFramesSent += s.framesSent || 0;
        } else {
          result.framesSent += s.framesSent || 0;
        }
        result.bytesSent += s.bytesSent || 0;
      } else if (s.type === 'candidate-pair' && s.nominated && typeof s.currentRoundTripTime === 'number') {
        peer.rttMs = Math.round(s.currentRoundTripTime * 1000);
      }
    });
    result.framesDecoded += peer.framesDecoded;
    result.screenFramesDecoded += peer.screenFramesDecoded;
    result.bytesReceived += peer.bytesReceived + peer.screenBytesReceived;
    result.audioBytesReceived += peer.audioBytesReceived;
    if (link === first) {
      result.width = peer.width;
      result.height = peer.height;
    }
    result.peers.push(peer);
  }
  if (call.sfu && call.sfu.publisher) {
    // Sent once, to the media server, whoever receives it.
    const report = await call.sfu.publisher.getStats();
    report.forEach((s) => {
      if (s.type === 'outbound-rtp' && s.kind === 'video') result.framesSent += s.framesSent || 0;
      if (s.type === 'outbound-rtp') result.bytesSent += s.bytesSent || 0;
    });
  }
  if (call.sfu && call.sfu.screen && call.sfu.screen.pc) {
    const report = await call.sfu.screen.pc.getStats();
    report.forEach((s) => {
      if (s.type === 'outbound-rtp' && s.kind === 'video') result.screenFramesSent += s.framesSent || 0;
      if (s.type === 'outbound-rtp') result.bytesSent += s.bytesSent || 0;
    });
  }
  result.mediaServer = call.sfu ? call.sfu.state : null;
  return result;
}

/** 'framesDecoded' for a camera, 'screenFramesDecoded' for a screen. */
function field(prefix, name) {
  return prefix ? prefix + name[0].toUpperCase() + name.slice(1) : name;
}

/** A video stream from the peer on any mid but its camera's (or, without mids in the report, its screen track). */
function isRemoteScreen(link, s) {
  if (typeof s.mid === 'string' && link.cameraMid !== null) return s.mid !== link.cameraMid;
  return !!link.screenTrack && s.trackIdentifier === link.screenTrack.id;
}

/** A video stream this page sends on any section but its camera's. */
function isOwnScreen(link, s, report) {
  const camera = link.cameraTransceiver;
  if (typeof s.mid === 'string' && camera && camera.mid !== null) return s.mid !== camera.mid;
  const source = s.mediaSourceId ? report.get(s.mediaSourceId) : null;
  const sent = link.screenTransceiver ? link.screenTransceiver.sender.track : null;
  return !!source && !!sent && source.trackIdentifier === sent.id;
}

function selectedPair(report) {
  let pairId = null;
  report.forEach((s) => {
    if (s.type === 'transport' && s.selectedCandidatePairId) pairId = s.selectedCandidatePairId;
  });
  const pair = pairId ? report.get(pairId) : null;
  if (!pair) return null;
  const describe = (id) => {
    const c = report.get(id);
    return c ? { type: c.candidateType, address: c.address || c.ip || '', port: c.port, protocol: c.protocol } : null;
  };
  return { local: describe(pair.localCandidateId), remote: describe(pair.remoteCandidateId) };
}

/** The audio level of each remote person (getStats audioLevel), which lights the tile of whoever speaks. */
export async function pollSpeaking() {
  for (const link of links()) {
    try {
      const report = await link.pc.getStats();
      let level = 0;
      report.forEach((s) => {
        if (link.feed && !link.mids.has(s.mid)) return;
        if (s.type === 'inbound-rtp' && s.kind === 'audio' && typeof s.audioLevel === 'number') level = Math.max(level, s.audioLevel);
      });
      link.audioLevel = level;
      link.speaking = level > SPEAKING_LEVEL;
    } catch (err) {
      link.speaking = false; // closed meanwhile
    }
  }
  if (call.links.size > 0) renderTiles();
}
