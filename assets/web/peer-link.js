// One RTCPeerConnection to one other person and its perfect-negotiation bookkeeping. A new one is made for every
// peer, so late callbacks of an old connection can never disturb the current one.
//
// Video m-sections (docs/protocol.md §12): the first one this page sends its camera on comes first; a shared screen
// goes on a later one. From the other side, the first video track to arrive is its camera and a video track on any
// other mid is its shared screen. A peer that shows one video only (a demo page) gets the screen instead of the
// camera, on the camera's sender, and the camera back when sharing stops.

import { fingerprintOf, verificationCode } from './verification.js';

export const CHAT_LABEL = 'chat';
const MAX_QUEUED_CANDIDATES = 256;
const RECEIVING = new Set(['sendrecv', 'recvonly']);

export class PeerLink {
  constructor({ iceServers, iceTransportPolicy, localStream, screen, singleVideo, polite, offerer, send, onChange, onChannel,
    onMedia }) {
    this.polite = polite;
    this.singleVideo = singleVideo;
    this.onChannel = onChannel;
    this.onMedia = onMedia;
    this.channel = null;
    this.chatEverOpen = false; // someone was there to chat with on this connection
    this.chatGoneSaid = false; // and the chat has said they left
    this.send = send;
    this.onChange = onChange;
    this.mayOffer = false; // only with someone in the room to answer
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.pendingCandidates = [];
    this.closed = false;
    this.orphaned = false; // kept through a signaling outage, with nobody in the room any more
    this.verification = null; // { code, local, remote } once both descriptions are set
    this.negotiations = 0; // offer/answer exchanges completed on this connection
    this.remoteStream = new MediaStream();
    this.stream = null; // what arrives from this peer, shown on its tile
    this.cameraMid = null; // the mid the peer's first video track arrived on
    this.screenTrack = null; // the peer's shared screen, once one arrived
    this.screenTransceiver = null; // where this page's own screen goes, once it shared
    this.speaking = false;
    this.audioLevel = 0;
    this.pc = PeerLink.createConnection(iceServers, iceTransportPolicy);

    const pc = this.pc;
    const sending = new Set();
    if (localStream) {
      for (const track of localStream.getTracks()) {
        pc.addTrack(track, localStream);
        sending.add(track.kind);
      }
    }
    // Receive what we cannot send, so a camera-less or refused page still sees and hears the other side.
    for (const kind of ['audio', 'video']) {
      if (!sending.has(kind)) pc.addTransceiver(kind, { direction: 'recvonly' });
    }
    this.cameraTransceiver = pc.getTransceivers().find((t) => t.receiver.track.kind === 'video');
    if (screen) this.startScreen(screen.track, screen.stream);

    pc.onicecandidate = ({ candidate }) => {
      if (this.closed || !candidate || !candidate.candidate) return;
      this.send({ event: '_ice_candidate', data: { candidate: candidate.toJSON() } });
    };
    pc.ontrack = ({ track, streams, transceiver }) => {
      if (this.closed) return;
      if (track.kind === 'video' && this.isScreen(transceiver)) {
        this.adoptScreen(track);
        return;
      }
      const stream = streams && streams[0] ? streams[0] : this.remoteStream;
      if (stream === this.remoteStream && !stream.getTracks().includes(track)) stream.addTrack(track);
      this.stream = stream;
      this.onMedia(this);
    };
    pc.onnegotiationneeded = () => this.offer();
    // The offerer makes the chat channel, so it is part of the first offer; the answerer is handed it.
    if (offerer) this.adoptChannel(pc.createDataChannel(CHAT_LABEL));
    pc.ondatachannel = ({ channel }) => {
      if (this.closed) return;
      if (channel.label !== CHAT_LABEL) {
        console.info(`Roomcall: closing a data channel this page does not use: ${channel.label.slice(0, 40)}`);
        channel.close();
        return;
      }
      this.adoptChannel(channel);
    };
    pc.onsignalingstatechange = () => {
      if (this.closed || pc.signalingState !== 'stable') return;
      this.negotiations += 1;
      this.verify();
      if (this.screenTrack) this.onMedia(this); // a section the peer stopped sending on is no share any more
    };
    pc.onconnectionstatechange = () => {
      if (this.closed) return;
      console.info(`Roomcall: connection ${pc.connectionState}`);
      if (pc.connectionState === 'failed' && this.mayOffer && !this.orphaned) pc.restartIce();
      this.onChange(this);
    };
  }

  static createConnection(iceServers, iceTransportPolicy) {
    try {
      return new RTCPeerConnection({ iceServers, iceTransportPolicy });
    } catch (err) {
      // Relay-only must never quietly become direct: without usable TURN servers it stays relay-only and fails.
      console.warn(`Roomcall: the server’s ICE servers were rejected, going on without them: ${err.message}`);
      return new RTCPeerConnection({ iceTransportPolicy });
    }
  }

  /** The peer's first video track names its camera's mid; a video track on any other mid is a shared screen. */
  isScreen(transceiver) {
    const mid = transceiver ? transceiver.mid : null;
    if (this.cameraMid === null) {
      this.cameraMid = mid;
      return false;
    }
    return mid !== this.cameraMid;
  }

  adoptScreen(track) {
    if (this.screenTrack !== track) {
      this.screenTrack = track;
      this.screenStream = new MediaStream([track]);
      const changed = () => { if (!this.closed) this.onMedia(this); };
      track.addEventListener('mute', changed);
      track.addEventListener('unmute', changed);
      track.addEventListener('ended', changed);
    }
    this.onMedia(this);
  }

  /** True while the peer sends a screen that has media: a live, unmuted track on a section it still sends on. */
  get presenting() {
    const track = this.screenTrack;
    if (this.closed || !track || track.readyState !== 'live' || track.muted) return false;
    const transceiver = this.pc.getTransceivers().find((t) => t.receiver.track === track);
    return !!transceiver && RECEIVING.has(transceiver.currentDirection);
  }

  /**
   * Sends this page's screen on a video section of its own, after the camera's: one the peer opened for its own
   * screen or this page used before if there is one (so sharing on and off does not grow the SDP), else a new one.
   */
  startScreen(track, stream) {
    if (this.closed) return;
    if (this.singleVideo) {
      this.replaceCamera(track);
      return;
    }
    const spare = this.pc.getTransceivers().find((t) => t !== this.cameraTransceiver && !t.stopped
      && t.receiver.track.kind === 'video' && !t.sender.track && t.currentDirection !== 'stopped');
    if (spare) {
      spare.direction = 'sendrecv';
      spare.sender.setStreams(stream);
      spare.sender.replaceTrack(track).catch((err) => console.warn(`Roomcall: could not send the screen: ${err.message}`));
      this.screenTransceiver = spare;
    } else {
      this.screenTransceiver = this.pc.addTransceiver(track, { direction: 'sendrecv', streams: [stream] });
    }
  }

  /** Stops sending the screen: its section turns recvonly (the peer may still share on it) and stays for later. */
  stopScreen() {
    if (this.singleVideo) {
      if (this.cameraTrack !== undefined) this.replaceCamera(this.cameraTrack);
      this.cameraTrack = undefined;
      return;
    }
    const transceiver = this.screenTransceiver;
    this.screenTransceiver = null;
    if (this.closed || !transceiver || transceiver.stopped) return;
    transceiver.direction = 'recvonly';
    transceiver.sender.replaceTrack(null).catch(() => {});
  }

  /** How many video m-sections the connection has negotiated: sharing on and off must not add more. */
  get videoSections() {
    return this.pc.getTransceivers().filter((t) => t.mid !== null && t.receiver.track.kind === 'video').length;
  }

  /** Puts track (the screen, or the camera back) on the camera's sender: no renegotiation when it sends already. */
  replaceCamera(track) {
    const camera = this.cameraTransceiver;
    if (this.closed || !camera) return;
    if (this.cameraTrack === undefined) this.cameraTrack = camera.sender.track;
    if (camera.direction === 'recvonly' && track) camera.direction = 'sendrecv'; // a page without a camera
    camera.sender.replaceTrack(track).catch((err) => console.warn(`Roomcall: could not switch the video: ${err.message}`));
  }

  /**
   * This page's camera is now track instead of old: on the camera's sender (no renegotiation), or, while a screen
   * stands in for the camera there, as the camera that comes back when the share stops.
   */
  async switchCamera(old, track) {
    if (this.closed) return;
    if (this.cameraTrack !== undefined) {
      if (this.cameraTrack === old) this.cameraTrack = track;
      return;
    }
    const sender = this.cameraTransceiver ? this.cameraTransceiver.sender : null;
    if (!sender || sender.track !== old) return;
    try {
      await sender.replaceTrack(track);
    } catch (err) {
      console.warn(`Roomcall: could not switch the camera: ${err.message}`);
    }
  }

  /** The label of the camera this connection sends (or would send again after a screen share), or null. */
  get sendingCamera() {
    const track = this.cameraTrack !== undefined ? this.cameraTrack
      : (this.cameraTransceiver ? this.cameraTransceiver.sender.track : null);
    return track ? track.label : null;
  }

  /** Derives the verification code from both descriptions; renegotiation keeps the certificates. */
  async verify() {
    const pc = this.pc;
    if (!pc.localDescription || !pc.remoteDescription) return;
    const local = fingerprintOf(pc.localDescription.sdp);
    const remote = fingerprintOf(pc.remoteDescription.sdp);
    if (!local || !remote) {
      console.warn('Roomcall: a description has no DTLS fingerprint; no verification code');
      return;
    }
    if (this.verification && this.verification.local === local && this.verification.remote === remote) return;
    try {
      const code = await verificationCode(local, remote);
      if (this.closed) return;
      this.verification = { code, local, remote };
      console.info(`Roomcall: verification code ${code.slice(0, 3)} ${code.slice(3)}`);
    } catch (err) {
      // crypto.subtle exists only on secure pages (https, or http on this machine).
      this.verification = { code: null, local, remote };
      console.warn(`Roomcall: cannot compute the verification code: ${err.message}`);
    }
    this.onChange(this);
  }

  /** True while nothing has been negotiated, so a new peer can start here. */
  get fresh() {
    return !this.pc.localDescription && !this.pc.remoteDescription;
  }

  allowOffers() {
    this.mayOffer = true;
  }

  /** Our offer again while it waits for its answer: it may have been lost with a signaling connection. */
  resendPendingOffer() {
    const pc = this.pc;
    if (this.closed || pc.signalingState !== 'have-local-offer' || !pc.localDescription) return;
    this.send({ event: '_offer', data: { sdp: pc.localDescription.toJSON() } });
  }

  async offer() {
    const pc = this.pc;
    if (this.closed || !this.mayOffer || this.makingOffer || pc.signalingState !== 'stable') return;
    try {
      this.makingOffer = true;
      await pc.setLocalDescription();
      if (!this.closed) this.send({ event: '_offer', data: { sdp: pc.localDescription.toJSON() } });
    } catch (err) {
      console.warn(`Roomcall: could not make an offer: ${err.name}: ${err.message}`);
    } finally {
      this.makingOffer = false;
    }
  }

  async acceptDescription(description) {
    const pc = this.pc;
    const collision = description.type === 'offer' && (this.makingOffer || pc.signalingState !== 'stable');
    this.ignoreOffer = !this.polite && collision;
    if (this.ignoreOffer) {
      console.info('Roomcall: offers collided; ours wins');
      return;
    }
    // On a collision, setRemoteDescription(offer) rolls our own offer back first (the polite peer yields).
    await pc.setRemoteDescription(description);
    if (this.closed) return;
    const queued = this.pendingCandidates.splice(0);
    for (const candidate of queued) await this.addCandidate(candidate);
    if (description.type === 'offer') {
      await pc.setLocalDescription();
      if (!this.closed) this.send({ event: '_answer', data: { sdp: pc.localDescription.toJSON() } });
    }
    this.mayOffer = true; // someone answered or offered: renegotiation (ICE restarts) may go either way now
  }

  async acceptCandidate(candidate) {
    if (!this.pc.remoteDescription) {
      if (this.pendingCandidates.length < MAX_QUEUED_CANDIDATES) this.pendingCandidates.push(candidate);
      return;
    }
    await this.addCandidate(candidate);
  }

  async addCandidate(candidate) {
    try {
      await this.pc.addIceCandidate(candidate);
    } catch (err) {
      // Candidates for an offer we ignored fail by design; anything else is worth a line.
      if (!this.ignoreOffer) console.warn(`Roomcall: ICE candidate rejected: ${err.message}`);
    }
  }

  adoptChannel(channel) {
    if (this.channel && this.channel !== channel) this.channel.close();
    this.channel = channel;
    channel.onopen = () => { if (!this.closed && this.channel === channel) this.onChannel(this, 'open'); };
    channel.onclose = () => { if (!this.closed && this.channel === channel) this.onChannel(this, 'closed'); };
    channel.onmessage = (event) => {
      if (this.closed || this.channel !== channel) return;
      if (typeof event.data !== 'string') {
        console.warn('Roomcall: ignoring a binary chat message');
        return;
      }
      this.onChannel(this, 'message', event.data);
    };
    if (channel.readyState === 'open') this.onChannel(this, 'open');
  }

  /** Sends one peer message; false if the channel is not open. */
  sendPeer(message) {
    const channel = this.channel;
    if (this.closed || !channel || channel.readyState !== 'open') return false;
    try {
      channel.send(JSON.stringify(message));
      return true;
    } catch (err) {
      console.warn(`Roomcall: chat send failed: ${err.message}`);
      return false;
    }
  }

  get chatOpen() {
    return !this.closed && !!this.channel && this.channel.readyState === 'open';
  }

  close() {
    this.closed = true;
    const pc = this.pc;
    pc.onicecandidate = pc.ontrack = pc.onnegotiationneeded = pc.onconnectionstatechange = pc.ondatachannel = null;
    pc.onsignalingstatechange = null;
    if (this.channel) {
      this.channel.onopen = this.channel.onclose = this.channel.onmessage = null;
      this.channel.close();
    }
    pc.close();
  }
}
