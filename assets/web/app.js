// Roomcall browser page: joins a room on the Roomcall server and holds a WebRTC call with whoever else is in it
// (other browsers or the Roomcall desktop app): one RTCPeerConnection per other member (a mesh), each negotiated
// on its own with perfect negotiation. Group rooms address signaling with "from"/"to" (docs/protocol.md §12).
//
// Wire format (see the project notes): the "event" dialect of the WebSocket relay demo,
//   {"event":"_offer"|"_answer","data":{"sdp":{type,sdp}}} and {"event":"_ice_candidate","data":{"candidate":{...}}},
// plus Roomcall's extensions (joined, peer-joined, peer-left, room-full, bye, error), which the server only sends
// because this page asks for the "roomcall.v1" subprotocol. The bare dialect ({sdp} / {candidate}) is read too.
'use strict';

(() => {
  const SUBPROTOCOL = 'roomcall.v1';
  const CLOSE_ROOM_FULL = 4001;
  const CLOSE_LIMIT = 4008;
  const CLOSE_SERVICE_RESTART = 1012; // a draining node behind a load balancer: reconnect at once, elsewhere
  const MAX_MESSAGE_CHARS = 64 * 1024;
  const MAX_QUEUED_CANDIDATES = 256;
  const ROOM_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case
  const ROOM_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
  const RECONNECT_FIRST_MS = 500;
  const RECONNECT_MAX_MS = 15000;
  const RECONNECT_AFTER_LIMIT_MS = 5000;
  // Chat over the "chat" data channel, the same JSON the desktop app speaks: {"type":"chat","text":...} and
  // {"type":"media","microphone":bool,"camera":bool}. Text only, at most CHAT_MAX_CHARS UTF-16 units.
  const CHAT_LABEL = 'chat';
  // The verification code (docs/protocol.md, "Verification code"); the desktop app derives the same digits.
  const VERIFY_LABEL = 'roomcall-sas-1';
  const FINGERPRINT_LINES = /^a=fingerprint:[ \t]*(\S+)[ \t]+(\S+)[ \t]*\r?$/gm;
  const FINGERPRINT_ALGORITHM = /^[a-z0-9-]{1,32}$/;
  const FINGERPRINT_HEX = /^[0-9A-F]{2}(:[0-9A-F]{2}){1,63}$/;
  const CHAT_MAX_CHARS = 1000;
  const CHAT_MAX_FRAME_CHARS = 16 * 1024;
  const CHAT_MAX_LINES = 500;
  // A remote track whose audioLevel (0..1) is above this is someone speaking; sampled every SPEAKING_POLL_MS.
  const SPEAKING_LEVEL = 0.02;
  const SPEAKING_POLL_MS = 400;
  // Each extra person is one more encoding of this page's camera: scale them down so a group fits a laptop.
  const GROUP_SCALE_DOWN = 2;
  const GROUP_MAX_BITRATE = 350000;

  const STATUS_TEXT = {
    'joining': 'Connecting to server…',
    'waiting': 'Waiting for someone to join…',
    'connecting': 'Connecting…',
    'connected': 'Connected',
    'peer-left': 'Peer left — waiting for someone to join…',
    'room-full': 'This room is full',
    'signaling-lost': 'Server unreachable — reconnecting…',
    'invalid-room': 'This link has no valid room code',
  };

  const $ = (id) => document.getElementById(id);
  const ui = {
    stage: $('stage'),
    remoteVideo: $('remote-video'),
    localVideo: $('local-video'),
    status: $('status'),
    hint: $('hint'),
    mediaNote: $('media-note'),
    signalNote: $('signal-note'),
    roomBox: $('room-box'),
    roomCode: $('room-code'),
    copyLink: $('copy-link'),
    newRoom: $('new-room'),
    toggleMic: $('toggle-mic'),
    toggleCam: $('toggle-cam'),
    unmuteRemote: $('unmute-remote'),
    toggleChat: $('toggle-chat'),
    chatBadge: $('chat-badge'),
    chat: $('chat'),
    chatClose: $('chat-close'),
    chatLines: $('chat-lines'),
    chatForm: $('chat-form'),
    chatInput: $('chat-input'),
    chatCounter: $('chat-counter'),
    remoteMuted: $('remote-muted'),
    remoteCameraOff: $('remote-camera-off'),
    verifyBox: $('verify-box'),
    verifyCode: $('verify-code'),
    verifyNote: $('verify-note'),
    verifyLocal: $('verify-local'),
    verifyRemote: $('verify-remote'),
    grid: $('grid'),
    remoteName: $('remote-name'),
  };

  // ------------------------------------------------------------------ room code

  /** 13 symbols × 5 bits = 65 random bits; 256 is a multiple of 32, so masking a byte keeps it uniform. */
  function newRoomCode() {
    const bytes = new Uint8Array(13);
    crypto.getRandomValues(bytes);
    const code = Array.from(bytes, (b) => ROOM_ALPHABET[b & 31]).join('');
    return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
  }

  /**
   * The room this link names, in the canonical form the desktop app uses too (so both end up in the same
   * room however the code was typed): a 13-character code in any case or grouping becomes "xxxx-xxxx-xxxxx",
   * any other valid name is lower-cased. '' for no room, null for something that is not a room name.
   */
  function roomFromHash() {
    let raw;
    try {
      raw = decodeURIComponent(location.hash.slice(1)).trim();
    } catch (err) {
      return null; // a malformed %-escape
    }
    if (raw.startsWith('/')) raw = raw.slice(1);
    if (raw.includes('=')) raw = (new URLSearchParams(raw).get('room') || '').trim();
    if (raw === '') return '';
    const compact = raw.replace(/[\s-]+/g, '').toLowerCase();
    if (compact.length === 13 && [...compact].every((c) => ROOM_ALPHABET.includes(c))) {
      return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
    }
    return ROOM_PATTERN.test(raw) ? raw.toLowerCase() : null;
  }

  // ------------------------------------------------------------------ call state

  const call = {
    room: null,
    invalidRoom: false,
    localStream: null,
    mediaPending: true,
    socket: null,
    socketStatus: 'closed', // closed | connecting | open
    everOpened: false,
    failures: 0,
    reconnectDelay: RECONNECT_FIRST_MS,
    reconnectTimer: 0,
    extensions: false, // true once the server said "joined" on this socket
    ready: false, // a PeerLink exists and its role is known
    iceServers: [],
    // "relay": only TURN-relayed candidates, so neither side learns the other's addresses. Asked for by the
    // link (?ice=relay) or by the server's welcome (a deployment that wants every call relayed).
    iceTransportPolicy: new URLSearchParams(location.search).get('ice') === 'relay' ? 'relay' : 'all',
    links: new Map(), // member id ('' for the one unaddressed peer of a 1:1 call) -> PeerLink
    myId: null, // this page's id in a group room; null on servers without groups
    myName: '', // from ?name=, said to the others with "hello"
    size: 2, // how many the room holds, from joined
    peerPresent: false,
    peerLeft: false,
    roomFull: false,
    leaving: false,
    inbox: Promise.resolve(),
  };

  /** The conversation of this page: lines in order, and what the other side said about its devices. */
  const chat = {
    lines: [], // {from: 'me'|'peer'|'note', text, shortened}
    unread: 0,
    open: false,
    remoteMicrophone: null, // null until the other side says
    remoteCamera: null,
  };

  /** A short-lived line under the status (server errors, a link to copy by hand). */
  const flash = { text: null, timer: 0 };
  function flashNote(text) {
    flash.text = text;
    clearTimeout(flash.timer);
    flash.timer = setTimeout(() => {
      flash.text = null;
      render();
    }, 8000);
    render();
  }

  /** Every peer connection, in the order they were made (the one of a 1:1 call is the only one). */
  function links() {
    return [...call.links.values()];
  }

  function firstLink() {
    return links()[0] || null;
  }

  function currentState() {
    if (call.invalidRoom) return 'invalid-room';
    if (call.roomFull) return 'room-full';
    const all = links();
    if (all.some((link) => link.pc.connectionState === 'connected')) return 'connected';
    if (call.socketStatus !== 'open') return call.everOpened || call.failures > 0 ? 'signaling-lost' : 'joining';
    if (!call.ready) return 'joining';
    if (call.peerPresent || all.some((link) => link.pc.remoteDescription)) return 'connecting';
    if (call.peerLeft) return 'peer-left';
    return 'waiting';
  }

  function render() {
    const state = currentState();
    ui.stage.dataset.state = state;
    let text = STATUS_TEXT[state];
    if (state === 'joining' && call.mediaPending) text = 'Waiting for camera and microphone…';
    if (ui.status.textContent !== text) ui.status.textContent = text;
    ui.hint.hidden = !(state === 'waiting' || state === 'peer-left');
    ui.newRoom.hidden = !(state === 'room-full' || state === 'invalid-room');

    const lostWhileInCall = state === 'connected' && call.socketStatus !== 'open' && !call.leaving;
    setNote(ui.signalNote, lostWhileInCall ? 'Server unreachable — the call continues, reconnecting in the background…' : flash.text);
    renderRemoteMedia();
    renderVerification();
    renderTiles();
  }

  function setNote(element, text) {
    element.hidden = !text;
    element.textContent = text || '';
  }

  // ------------------------------------------------------------------ local media

  /**
   * Asks for camera and microphone, then for either alone. Whatever is missing or refused, the call still
   * goes ahead receive-only for that kind; the note says in words what the other person will (not) get.
   */
  async function acquireMedia() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      return {
        stream: null,
        note: window.isSecureContext
          ? 'This browser cannot use a camera or microphone here — you can still see and hear the other person.'
          : 'Camera and microphone only work over https or on this computer — you can still see and hear the other person.',
      };
    }
    let denied = false;
    for (const constraints of [{ audio: true, video: true }, { video: true }, { audio: true }]) {
      try {
        const stream = await navigator.mediaDevices.getUserMedia(constraints);
        return { stream, note: partialMediaNote(stream, denied) };
      } catch (err) {
        console.info(`Roomcall: getUserMedia(${JSON.stringify(constraints)}) failed: ${err.name}: ${err.message}`);
        if (err.name === 'NotAllowedError' || err.name === 'SecurityError') denied = true;
      }
    }
    return {
      stream: null,
      note: denied
        ? 'Camera and microphone are blocked — the other person can’t see or hear you, but you can see and hear them.'
        : 'No camera or microphone found — the other person can’t see or hear you, but you can see and hear them.',
    };
  }

  function partialMediaNote(stream, denied) {
    const hasVideo = stream.getVideoTracks().length > 0;
    const hasAudio = stream.getAudioTracks().length > 0;
    const why = denied ? 'blocked' : 'not available';
    if (hasVideo && !hasAudio) return `Microphone ${why} — the other person can see you but not hear you.`;
    if (hasAudio && !hasVideo) return `Camera ${why} — the other person can hear you but not see you.`;
    return null;
  }

  function showLocalMedia(stream) {
    ui.localVideo.srcObject = stream;
    const hasVideo = !!stream && stream.getVideoTracks().length > 0;
    ui.localVideo.hidden = !hasVideo;
    setupToggle(ui.toggleMic, stream ? stream.getAudioTracks() : [], 'Mute', 'Unmute');
    setupToggle(ui.toggleCam, stream ? stream.getVideoTracks() : [], 'Camera off', 'Camera on');
    ui.toggleCam.addEventListener('click', () => ui.localVideo.classList.toggle('paused', ui.toggleCam.getAttribute('aria-pressed') === 'true'));
  }

  function setupToggle(button, tracks, onLabel, offLabel) {
    button.disabled = tracks.length === 0;
    button.hidden = tracks.length === 0;
    button.addEventListener('click', () => {
      const turnOff = button.getAttribute('aria-pressed') !== 'true';
      tracks.forEach((track) => { track.enabled = !turnOff; });
      button.setAttribute('aria-pressed', String(turnOff));
      button.textContent = turnOff ? offLabel : onLabel;
      sendMediaState();
    });
  }

  // ------------------------------------------------------------------ remote media

  function showRemote(stream) {
    const video = ui.remoteVideo;
    if (video.srcObject === stream) return;
    video.srcObject = stream;
    video.play().catch((err) => {
      if (err.name !== 'NotAllowedError') return; // AbortError: replaced by a newer stream
      // Autoplay with sound needs a gesture when this page captures nothing; play muted and offer sound.
      video.muted = true;
      video.play().catch(() => {});
      ui.unmuteRemote.hidden = false;
    });
  }

  function clearRemote() {
    ui.remoteVideo.srcObject = null;
    ui.stage.classList.remove('has-remote');
  }

  /** Plays a tile's video; without a gesture, sound may need one (as for the large video). */
  function playTile(video) {
    video.play().catch((err) => {
      if (err.name !== 'NotAllowedError') return;
      video.muted = true;
      video.play().catch(() => {});
      ui.unmuteRemote.hidden = false;
    });
  }

  /** A tile for one other person: their video and their name, only ever as text. */
  function makeTile(link) {
    const tile = document.createElement('figure');
    tile.className = 'tile';
    tile.hidden = true;
    const video = document.createElement('video');
    video.autoplay = true;
    video.playsInline = true;
    const label = document.createElement('figcaption');
    label.className = 'tile-name';
    tile.append(video, label);
    ui.grid.append(tile);
    link.tile = tile;
    link.tileVideo = video;
    link.tileName = label;
  }

  /**
   * One other person fills the stage as in a 1:1 call; two or three share it in a grid (2-up, 2x2), each tile
   * named and lit while its person speaks.
   */
  function renderTiles() {
    const all = links().filter((link) => !link.orphaned);
    const group = all.length >= 2;
    ui.stage.classList.toggle('group', group);
    ui.grid.hidden = !group;
    ui.grid.dataset.count = String(all.length);
    for (const link of links()) {
      const shown = group && all.includes(link);
      link.tile.hidden = !shown;
      const stream = shown ? link.stream : null;
      if (link.tileVideo.srcObject !== stream) {
        link.tileVideo.srcObject = stream;
        if (stream) playTile(link.tileVideo);
      }
      link.tile.classList.toggle('speaking', shown && link.speaking);
      const name = link.name || 'Guest';
      if (link.tileName.textContent !== name) link.tileName.textContent = name;
      fitEncodings(link, group);
    }
    const only = group ? null : (all[0] || firstLink());
    if (only && only.stream) showRemote(only.stream);
    else if (!only && ui.remoteVideo.srcObject) clearRemote();
    if (group && ui.remoteVideo.srcObject) clearRemote();
    const onlyName = only && only.name ? only.name : '';
    ui.remoteName.hidden = !onlyName;
    if (ui.remoteName.textContent !== onlyName) ui.remoteName.textContent = onlyName;
    ui.stage.classList.toggle('speaking', !!only && only.speaking);
  }

  /** Each extra person is one more encoding of this camera: in a group each is sent smaller. */
  function fitEncodings(link, group) {
    if (link.scaledForGroup === group || link.closed) return;
    for (const sender of link.pc.getSenders()) {
      if (!sender.track || sender.track.kind !== 'video') continue;
      const params = sender.getParameters();
      if (!params.encodings || params.encodings.length === 0) return; // not negotiated yet: next render
      for (const encoding of params.encodings) {
        encoding.scaleResolutionDownBy = group ? GROUP_SCALE_DOWN : 1;
        if (group) encoding.maxBitrate = GROUP_MAX_BITRATE;
        else delete encoding.maxBitrate;
      }
      sender.setParameters(params).catch((err) => console.info(`Roomcall: could not scale the video: ${err.message}`));
    }
    link.scaledForGroup = group;
  }

  /** The audio level of each remote person (getStats audioLevel), which lights the tile of whoever speaks. */
  async function pollSpeaking() {
    for (const link of links()) {
      try {
        const report = await link.pc.getStats();
        let level = 0;
        report.forEach((s) => {
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

  // ------------------------------------------------------------------ the peer connection

  /**
   * One RTCPeerConnection and its perfect-negotiation bookkeeping. A new one is made for every peer,
   * so late callbacks of an old connection can never disturb the current one.
   */
  class PeerLink {
    constructor({ iceServers, iceTransportPolicy, localStream, polite, offerer, send, onChange, onChannel }) {
      this.polite = polite;
      this.onChannel = onChannel;
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
      this.remoteStream = new MediaStream();
      this.stream = null; // what arrives from this peer, shown on its tile
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

      pc.onicecandidate = ({ candidate }) => {
        if (this.closed || !candidate || !candidate.candidate) return;
        this.send({ event: '_ice_candidate', data: { candidate: candidate.toJSON() } });
      };
      pc.ontrack = ({ track, streams }) => {
        if (this.closed) return;
        const stream = streams && streams[0] ? streams[0] : this.remoteStream;
        if (stream === this.remoteStream && !stream.getTracks().includes(track)) stream.addTrack(track);
        this.stream = stream;
        renderTiles();
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
        if (!this.closed && pc.signalingState === 'stable') this.verify();
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

  // ------------------------------------------------------------------ verification code

  /** The first well-formed a=fingerprint line, normalized ("sha-256 AB:CD:…"), or null. */
  function fingerprintOf(sdp) {
    for (const match of String(sdp || '').matchAll(FINGERPRINT_LINES)) {
      const algorithm = match[1].toLowerCase();
      const hex = match[2].toUpperCase();
      if (FINGERPRINT_ALGORITHM.test(algorithm) && FINGERPRINT_HEX.test(hex)) return `${algorithm} ${hex}`;
    }
    return null;
  }

  /** Six digits: SHA-256 over both fingerprints in sorted order, first four bytes modulo a million. */
  async function verificationCode(oneFingerprint, otherFingerprint) {
    if (!window.crypto || !crypto.subtle) throw new Error('this page is not a secure origin (use https)');
    const [first, second] = [oneFingerprint, otherFingerprint].sort();
    const input = new TextEncoder().encode(`${VERIFY_LABEL}\n${first}\n${second}`);
    const digest = new DataView(await crypto.subtle.digest('SHA-256', input));
    return String(digest.getUint32(0) % 1000000).padStart(6, '0');
  }

  function renderVerification() {
    const first = firstLink();
    const verification = first && !first.closed ? first.verification : null;
    ui.verifyBox.hidden = !verification;
    if (!verification) {
      ui.verifyBox.open = false;
      return;
    }
    const code = verification.code ? `${verification.code.slice(0, 3)} ${verification.code.slice(3)}` : '—';
    if (ui.verifyCode.textContent !== code) ui.verifyCode.textContent = code;
    setNote(ui.verifyNote, verification.code ? null : 'This page is not on https, so it cannot compute the code.');
    ui.verifyLocal.textContent = verification.local;
    ui.verifyRemote.textContent = verification.remote;
  }

  function linkChanged(link) {
    const state = link.pc.connectionState;
    if (link.orphaned && (state === 'failed' || state === 'closed')) {
      dropLink(link); // the call we kept through the outage is gone: wait for someone afresh
    }
    render();
  }

  /**
   * A fresh connection to one member (replacing any earlier one to it); the offerer is impolite, the other polite.
   * In a group room what it sends is addressed; to a demo page, or on a server without groups, it is not.
   */
  function newLink({ peerId = '', name = '', demo = false, offerer }) {
    const old = call.links.get(peerId);
    if (old) dropLink(old);
    const link = new PeerLink({
      iceServers: call.iceServers,
      iceTransportPolicy: call.iceTransportPolicy,
      localStream: call.localStream,
      polite: !offerer,
      offerer,
      send: (message) => send(addressed(message, peerId, demo)),
      onChange: linkChanged,
      onChannel: channelEvent,
    });
    link.peerId = peerId;
    link.name = name;
    link.demo = demo;
    link.scaledForGroup = false; // sent at full size until a second person joins
    makeTile(link);
    call.links.set(peerId, link);
    if (call.links.size === 1) {
      chat.remoteMicrophone = null;
      chat.remoteCamera = null;
    }
    renderChat();
    if (offerer) link.allowOffers(); // negotiationneeded for the tracks just added sends the offer
    call.ready = true;
    return link;
  }

  function dropLink(link) {
    link.close();
    link.tile.remove();
    if (call.links.get(link.peerId) === link) call.links.delete(link.peerId);
    if (call.links.size === 0) clearRemote();
  }

  function addressed(message, peerId, demo) {
    if (!call.myId || !peerId || demo) return message;
    return { ...message, from: call.myId, to: peerId };
  }

  /** The connection a signaling message belongs to: by its sender, or the only one when it names none. */
  function linkFor(from) {
    if (from && call.links.has(from)) return call.links.get(from);
    if (from && call.myId) {
      console.warn(`Roomcall: a message from ${displayText(from, 'NAME').text}, who is not in this room`);
      return null;
    }
    const all = links();
    if (all.length === 1) return all[0];
    if (all.length === 0 && call.ready) return newLink({ offerer: false }); // an offer from a demo page or a plain relay
    console.warn('Roomcall: an unaddressed message in a room of several; ignored');
    return null;
  }

  // ------------------------------------------------------------------ incoming messages

  /** Turns a frame into a checked message, or null (logged) if it is not one we understand. */
  function parseMessage(text) {
    if (text.length > MAX_MESSAGE_CHARS) return rejected('message too large', text.length + ' characters');
    let json;
    try {
      json = JSON.parse(text);
    } catch (err) {
      return rejected('not JSON', err.message);
    }
    if (!isObject(json)) return rejected('not a JSON object', typeof json);

    if (typeof json.event === 'string') {
      const data = isObject(json.data) ? json.data : {};
      switch (json.event) {
        case '_offer': return from(json, description(data.sdp, 'offer'));
        case '_answer': return from(json, description(data.sdp, 'answer'));
        case '_ice_candidate': return from(json, candidate(data.candidate));
        case 'joined': return {
          kind: 'joined',
          peers: Number.isInteger(data.peers) ? data.peers : 0,
          iceServers: iceServers(data.iceServers),
          relayOnly: data.iceTransportPolicy === 'relay',
          id: typeof data.id === 'string' ? data.id : null,
          size: Number.isInteger(data.size) ? data.size : 2,
          members: Array.isArray(data.members) ? data.members.filter((m) => isObject(m) && typeof m.id === 'string')
            .map((m) => ({ id: m.id, name: displayText(m.name, 'NAME').text, demo: m.demo === true })) : [],
        };
        case 'peer-joined':
        case 'peer-left':
        case 'peer-name':
          return {
            kind: json.event,
            peer: typeof data.peer === 'string' ? data.peer : null,
            name: displayText(data.name, 'NAME').text,
            demo: data.demo === true,
          };
        case 'bye':
        case 'room-full':
          return { kind: json.event };
        case 'error': return { kind: 'error', code: String(data.code || 'error'), message: String(data.message || '') };
        default: return rejected('unknown event', json.event.slice(0, 40));
      }
    }
    if (json.sdp !== undefined) return from(json, description(json.sdp, null));
    if (json.candidate !== undefined) return from(json, candidate(json.candidate));
    return rejected('neither an event nor an sdp or candidate', Object.keys(json).slice(0, 5).join(','));
  }

  /** Who sent a group call's message ("from"), or null in a 1:1 call. */
  function from(json, message) {
    if (message) message.from = typeof json.from === 'string' ? json.from : null;
    return message;
  }

  function description(sdp, expectedType) {
    if (!isObject(sdp) || typeof sdp.sdp !== 'string' || (sdp.type !== 'offer' && sdp.type !== 'answer')) {
      return rejected('bad session description', '');
    }
    if (expectedType && sdp.type !== expectedType) return rejected(`an _${expectedType} carrying an ${sdp.type}`, '');
    return { kind: 'description', description: { type: sdp.type, sdp: sdp.sdp } };
  }

  function candidate(c) {
    if (!isObject(c) || typeof c.candidate !== 'string') return rejected('bad ICE candidate', '');
    const init = { candidate: c.candidate };
    if (typeof c.sdpMid === 'string') init.sdpMid = c.sdpMid;
    if (Number.isInteger(c.sdpMLineIndex) && c.sdpMLineIndex >= 0) init.sdpMLineIndex = c.sdpMLineIndex;
    if (typeof c.usernameFragment === 'string') init.usernameFragment = c.usernameFragment;
    if (init.sdpMid === undefined && init.sdpMLineIndex === undefined) return rejected('ICE candidate without sdpMid or sdpMLineIndex', '');
    return { kind: 'candidate', candidate: init };
  }

  function iceServers(list) {
    if (!Array.isArray(list)) return [];
    const servers = [];
    for (const entry of list) {
      if (!isObject(entry)) continue;
      const urls = (Array.isArray(entry.urls) ? entry.urls : [entry.urls]).filter((u) => typeof u === 'string');
      if (urls.length === 0) continue;
      const server = { urls };
      if (typeof entry.username === 'string') server.username = entry.username;
      if (typeof entry.credential === 'string') server.credential = entry.credential;
      servers.push(server);
    }
    return servers;
  }

  function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }

  function rejected(problem, detail) {
    console.warn(`Roomcall: ignoring a signaling message: ${problem}${detail ? ` (${detail})` : ''}`);
    return null;
  }

  async function handle(message) {
    if (call.leaving) return;
    const isExtension = !['description', 'candidate'].includes(message.kind);
    if (isExtension && message.kind !== 'joined' && !call.extensions) {
      console.warn(`Roomcall: ignoring ${message.kind} before joined`);
      return;
    }
    switch (message.kind) {
      case 'joined': onJoined(message); break;
      case 'peer-joined': onPeerJoined(message); break;
      case 'peer-left': onPeerLeft(message); break;
      case 'bye': onPeerLeft({ peer: null }); break;
      case 'peer-name': onPeerName(message); break;
      case 'room-full': roomIsFull(); break;
      case 'error':
        console.warn(`Roomcall: server error ${message.code}: ${message.message}`);
        flashNote(`Server: ${message.message || message.code}`);
        break;
      case 'description': {
        const link = linkFor(message.from);
        if (link) {
          call.peerLeft = false;
          await link.acceptDescription(message.description);
        }
        break;
      }
      case 'candidate': {
        const link = linkFor(message.from);
        if (link) await link.acceptCandidate(message.candidate);
        break;
      }
    }
    render();
  }

  function onJoined({ peers, iceServers: servers, relayOnly, id, size, members }) {
    call.extensions = true;
    call.iceServers = servers;
    if (relayOnly) call.iceTransportPolicy = 'relay'; // the server may tighten the policy, never loosen it
    call.reconnectDelay = RECONNECT_FIRST_MS;
    call.failures = 0;
    call.myId = id;
    call.size = size;
    const offerer = peers >= 1; // the newcomer offers to everyone already there
    call.peerPresent = offerer;
    if (offerer) call.peerLeft = false;
    const connected = links().filter((link) => link.pc.connectionState === 'connected');
    if (!offerer && connected.length > 0) {
      // Back after losing the server while in a call, and alone in the room: the others are probably still on
      // the line and rejoining too. Keep the media flowing until they do (peer-joined replaces these) or it dies.
      connected.forEach((link) => { link.orphaned = true; });
      links().filter((link) => !link.orphaned).forEach(dropLink);
    } else {
      // Otherwise start clean: whoever is already in the room started clean for us when we left (the server
      // told them peer-left, or they meet a rejoin on a fresh connection), and the ICE servers may have changed.
      links().forEach(dropLink);
      if (id !== null) {
        members.forEach((m) => newLink({ peerId: m.id, name: m.name, demo: m.demo, offerer: true }));
      } else {
        newLink({ offerer }); // a server without groups: one other person at most
      }
    }
    call.ready = true;
    if (id !== null && call.myName) send({ event: 'hello', data: { name: call.myName } });
    console.info(`Roomcall: joined room ${call.room} ${offerer ? `as the offerer to ${peers}` : 'first, waiting'}`);
  }

  function onPeerJoined({ peer, name, demo }) {
    call.peerPresent = true;
    call.peerLeft = false;
    links().filter((link) => link.orphaned).forEach(dropLink);
    if (peer === null) {
      // A server without groups: the newcomer, or the other person back after an outage, offers afresh.
      const waiting = call.links.get('');
      if (waiting && waiting.fresh && call.links.size === 1) return;
      links().forEach(dropLink);
      newLink({ offerer: false });
      return;
    }
    const unaddressed = call.links.get('');
    if (unaddressed && unaddressed.fresh) dropLink(unaddressed);
    newLink({ peerId: peer, name, demo, offerer: false }); // the newcomer offers to us
    if (call.links.size >= 2) flashNote(`${name || 'Someone'} joined`);
  }

  function onPeerName({ peer, name }) {
    const link = peer === null ? null : call.links.get(peer);
    if (!link) return;
    link.name = name;
    renderTiles();
  }

  /** Nobody will see this camera: let it go (its light goes off) rather than hold it for nothing. */
  function roomIsFull() {
    call.roomFull = true;
    links().forEach(dropLink);
    if (call.localStream) call.localStream.getTracks().forEach((track) => track.stop());
    ui.localVideo.srcObject = null;
    ui.localVideo.hidden = true;
    ui.toggleMic.hidden = true;
    ui.toggleCam.hidden = true;
  }

  function onPeerLeft({ peer }) {
    const gone = peer === null ? links() : [call.links.get(peer)].filter(Boolean);
    for (const link of gone) {
      partnerLeftChat(link);
      dropLink(link);
    }
    if (peer !== null && gone.length > 0 && call.links.size > 0) flashNote(`${gone[0].name || 'Someone'} left`);
    if (call.links.size === 0) {
      call.peerPresent = false;
      call.peerLeft = true; // the next one to join will offer
      chat.remoteMicrophone = null;
      chat.remoteCamera = null;
    }
  }


  // ------------------------------------------------------------------ chat

  /**
   * The one rule for text from the other side, the same the desktop app applies (dev.roomcall.signaling.DisplayText;
   * both are tested against one corpus): at most kind.max UTF-16 units, never cutting a character in two, anything
   * longer cut and marked so the reader can be told; C0/C1 controls dropped (a chat keeps line breaks and tabs, a
   * one-line kind turns whitespace into single spaces); bidi embeddings, overrides and isolates and invisible
   * characters that only disguise dropped, while ZWJ/ZWNJ (emoji sequences, Persian) stay; a lone surrogate shown
   * as U+FFFD; more than DISPLAY_MAX_MARKS combining marks on one character dropped; trimmed. Shown only through
   * textContent, never as markup.
   */
  const DISPLAY_KINDS = Object.freeze({
    CHAT: { max: CHAT_MAX_CHARS, multiline: true },
    NAME: { max: 64, multiline: false },
    ROOM_CODE: { max: 64, multiline: false },
  });
  const DISPLAY_MAX_MARKS = 4;
  const MARK = /^[\p{Mn}\p{Me}]$/u;
  const SPACE = /^[\p{Zs}\p{Zl}\p{Zp}]$/u;
  const EDGE_SPACE = /^[\t\n\p{Zs}\p{Zl}\p{Zp}]+|[\t\n\p{Zs}\p{Zl}\p{Zp}]+$/gu;

  function hiddenChar(c) {
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
      || c === 0x200b || c === 0x2060 || c === 0xfeff || (c >= 0x2061 && c <= 0x2064)
      || (c >= 0x206a && c <= 0x206f) || (c >= 0xfff9 && c <= 0xfffb);
  }

  function displayText(raw, kindName) {
    const kind = DISPLAY_KINDS[kindName];
    if (!kind) throw new Error(`no such kind of text: ${kindName}`);
    let kept = '';
    let shortened = false;
    let marks = 0;
    for (let ch of String(raw === null || raw === undefined ? '' : raw)) {
      let code = ch.codePointAt(0);
      if (code >= 0xd800 && code <= 0xdfff) { ch = '\ufffd'; code = 0xfffd; } // a lone surrogate
      if (MARK.test(ch)) {
        marks += 1;
        if (marks > DISPLAY_MAX_MARKS) continue;
      } else {
        marks = 0;
      }
      if (ch === '\n' || ch === '\t' || code === 0x2028 || code === 0x2029) {
        ch = kind.multiline ? (ch === '\t' ? '\t' : '\n') : ' ';
      } else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || hiddenChar(code)) {
        continue;
      } else if (!kind.multiline && SPACE.test(ch)) {
        ch = ' ';
      }
      if (ch === ' ' && !kind.multiline && (kept === '' || kept.endsWith(' '))) continue;
      if (kept.length + ch.length > kind.max) {
        shortened = true;
        break;
      }
      kept += ch;
    }
    return { text: kept.replace(EDGE_SPACE, ''), shortened };
  }

  function boundChat(raw) {
    return displayText(raw, 'CHAT');
  }

  /** Says once per connection that the chat partner is gone, whichever comes first: channel closed or peer left. */
  function partnerLeftChat(link) {
    if (!link || !link.chatEverOpen || link.chatGoneSaid) return;
    link.chatGoneSaid = true;
    chatNote(call.links.size > 1 ? `${link.name || 'Someone'} left the chat.` : 'The other person left the chat.');
  }

  function chatAvailable() {
    return links().some((link) => link.chatOpen);
  }

  function channelEvent(link, kind, data) {
    if (call.links.get(link.peerId) !== link) return;
    if (kind === 'open') {
      link.chatEverOpen = true;
      sendMediaState();
    } else if (kind === 'closed') {
      partnerLeftChat(link);
    } else if (kind === 'message') {
      receivePeer(data, link);
    }
    renderChat();
  }

  function receivePeer(text, link) {
    if (text.length > CHAT_MAX_FRAME_CHARS) {
      console.warn(`Roomcall: ignoring a chat message of ${text.length} characters`);
      return;
    }
    let json;
    try {
      json = JSON.parse(text);
    } catch (err) {
      console.warn('Roomcall: ignoring a chat message that is not JSON');
      return;
    }
    if (isObject(json) && json.type === 'chat' && typeof json.text === 'string') {
      const bounded = boundChat(json.text);
      if (bounded.text !== '') {
        addLine({ from: 'peer', name: link.name, text: bounded.text, shortened: bounded.shortened || json.shortened === true });
      }
    } else if (isObject(json) && json.type === 'media' && typeof json.microphone === 'boolean' && typeof json.camera === 'boolean') {
      chat.remoteMicrophone = json.microphone;
      chat.remoteCamera = json.camera;
    } else {
      console.warn('Roomcall: ignoring a chat message of an unknown kind');
    }
  }

  /** Sends a line; false (and a note in the chat saying why) if it could not go. */
  function sendChat(raw) {
    const bounded = boundChat(raw);
    if (bounded.text === '') return false;
    if (!chatAvailable()) {
      const connected = links().some((link) => link.pc.connectionState === 'connected');
      chatNote(connected ? 'The other side has no chat, so messages cannot be sent.' : 'There is nobody to chat with yet.');
      return false;
    }
    const message = { type: 'chat', text: bounded.text };
    if (bounded.shortened) message.shortened = true;
    // Chat goes to everyone in the room, each over its own connection.
    const sent = links().filter((link) => link.sendPeer(message)).length;
    if (sent === 0) {
      chatNote('The message could not be sent.');
      return false;
    }
    addLine({ from: 'me', text: bounded.text, shortened: bounded.shortened });
    if (bounded.shortened) chatNote(`Your message was longer than ${CHAT_MAX_CHARS} characters and was shortened.`);
    return true;
  }

  /** Tells the other side whether this page's microphone and camera are on, so it can show "muted" for sure. */
  function sendMediaState() {
    const stream = call.localStream;
    const on = (tracks) => tracks.some((track) => track.enabled && track.readyState === 'live');
    const state = {
      type: 'media',
      microphone: stream ? on(stream.getAudioTracks()) : false,
      camera: stream ? on(stream.getVideoTracks()) : false,
    };
    links().forEach((link) => link.sendPeer(state));
  }

  function addLine(line) {
    chat.lines.push(line);
    if (chat.lines.length > CHAT_MAX_LINES) {
      chat.lines.shift();
      if (ui.chatLines.firstElementChild) ui.chatLines.firstElementChild.remove();
    }
    if (line.from === 'peer' && !chat.open) chat.unread += 1;
    appendLine(line);
    renderChat();
  }

  function chatNote(text) {
    addLine({ from: 'note', text, shortened: false });
  }

  /** Only ever text: every piece goes in through textContent, so a message can never become markup. */
  function appendLine(line) {
    const item = document.createElement('li');
    item.className = `chat-line from-${line.from}`;
    if (line.from !== 'note') {
      const who = document.createElement('span');
      who.className = 'chat-who';
      who.textContent = line.from === 'me' ? 'You' : (line.name || 'Them');
      item.append(who);
    }
    const body = document.createElement('p');
    body.className = 'chat-text';
    body.textContent = line.text;
    item.append(body);
    if (line.shortened) {
      const cut = document.createElement('span');
      cut.className = 'chat-cut';
      cut.textContent = '(shortened to fit)';
      item.append(cut);
    }
    ui.chatLines.append(item);
    ui.chatLines.scrollTop = ui.chatLines.scrollHeight;
  }

  function setChatOpen(open) {
    chat.open = open;
    if (open) chat.unread = 0;
    renderChat();
    if (open) ui.chatInput.focus();
  }

  function renderChat() {
    ui.chat.hidden = !chat.open;
    ui.stage.classList.toggle('chat-open', chat.open);
    ui.chatBadge.hidden = chat.unread === 0;
    ui.chatBadge.textContent = chat.unread > 99 ? '99+' : String(chat.unread);
    ui.toggleChat.setAttribute('aria-expanded', String(chat.open));
    ui.chatInput.placeholder = chatAvailable() ? 'Type a message' : 'Chat opens when someone is in the call';
    renderRemoteMedia();
  }

  function renderRemoteMedia() {
    const inCall = currentState() === 'connected' && call.links.size <= 1;
    ui.remoteMuted.hidden = !(inCall && chat.remoteMicrophone === false);
    ui.remoteCameraOff.hidden = !(inCall && chat.remoteCamera === false);
  }

  function wireChat() {
    ui.toggleChat.addEventListener('click', () => setChatOpen(!chat.open));
    ui.chatClose.addEventListener('click', () => setChatOpen(false));
    ui.chatForm.addEventListener('submit', (event) => {
      event.preventDefault();
      if (sendChat(ui.chatInput.value)) {
        ui.chatInput.value = '';
        ui.chatInput.dispatchEvent(new Event('input'));
      }
    });
    ui.chatInput.addEventListener('input', () => {
      const n = ui.chatInput.value.length;
      ui.chatCounter.hidden = n <= CHAT_MAX_CHARS * 0.8;
      ui.chatCounter.textContent = `${n} / ${CHAT_MAX_CHARS}`;
      ui.chatCounter.classList.toggle('over', n > CHAT_MAX_CHARS);
    });
    ui.chatInput.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') setChatOpen(false);
    });
  }

  // ------------------------------------------------------------------ signaling socket

  function signalingUrl(room) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const r = encodeURIComponent(room);
    return `${scheme}://${location.host}/${r}?room=${r}`;
  }

  function connect() {
    call.reconnectTimer = 0;
    call.socketStatus = 'connecting';
    let ws;
    try {
      ws = new WebSocket(signalingUrl(call.room), SUBPROTOCOL);
    } catch (err) {
      console.warn(`Roomcall: cannot open the signaling socket: ${err.message}`);
      socketLost(false);
      return;
    }
    ws.binaryType = 'arraybuffer';
    call.socket = ws;

    ws.onopen = () => {
      if (call.socket !== ws) return;
      call.socketStatus = 'open';
      call.everOpened = true;
      if (ws.protocol !== SUBPROTOCOL) {
        // A plain relay: no room bookkeeping, so behave like the demo's callee and wait for an offer.
        console.info(`Roomcall: the server does not speak ${SUBPROTOCOL}: plain relay mode`);
        call.reconnectDelay = RECONNECT_FIRST_MS;
        call.inbox = call.inbox.then(() => {
          const waiting = call.links.get('');
          if (!waiting || !waiting.fresh) {
            links().forEach(dropLink);
            newLink({ offerer: false });
          }
          render();
        });
      }
      render();
    };
    ws.onmessage = (event) => {
      if (call.socket !== ws) return;
      const text = frameText(event.data);
      const message = text === null ? null : parseMessage(text);
      if (!message) return;
      call.inbox = call.inbox
        .then(() => handle(message))
        .catch((err) => console.warn(`Roomcall: handling ${message.kind} failed: ${err.name}: ${err.message}`));
    };
    ws.onclose = (event) => {
      if (call.socket !== ws) return;
      call.socket = null;
      call.extensions = false;
      if (event.code === CLOSE_ROOM_FULL) roomIsFull();
      if (call.roomFull || call.leaving) {
        call.socketStatus = 'closed';
        render();
        return;
      }
      console.info(`Roomcall: signaling closed (${event.code}${event.reason ? ` ${event.reason}` : ''})`);
      socketLost(event.code === CLOSE_LIMIT, event.code === CLOSE_SERVICE_RESTART);
    };
  }

  function frameText(data) {
    if (typeof data === 'string') return data;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch (err) {
      console.warn('Roomcall: ignoring a binary frame that is not UTF-8');
      return null;
    }
  }

  function socketLost(limited, moving = false) {
    call.socketStatus = 'closed';
    // Only the first loss after a join moves at once: a node that keeps saying 1012 gets the back-off.
    const atOnce = moving && call.failures === 0;
    call.failures += 1;
    const base = limited ? Math.max(call.reconnectDelay, RECONNECT_AFTER_LIMIT_MS) : call.reconnectDelay;
    const delay = atOnce ? 0 : Math.round(base * (0.8 + Math.random() * 0.4));
    if (!atOnce) call.reconnectDelay = Math.min(base * 2, RECONNECT_MAX_MS);
    clearTimeout(call.reconnectTimer);
    call.reconnectTimer = setTimeout(connect, delay);
    render();
  }

  function send(message) {
    const ws = call.socket;
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      console.info(`Roomcall: not connected to the server, dropping ${message.event}`);
      return;
    }
    ws.send(JSON.stringify(message));
  }

  function leave() {
    if (call.leaving) return;
    call.leaving = true;
    clearTimeout(call.reconnectTimer);
    if (call.extensions) send({ event: 'bye' }); // a plain relay would hand "bye" to a demo page that chokes on it
    if (call.socket) call.socket.close(1000, 'bye');
    links().forEach((link) => link.close());
  }

  // ------------------------------------------------------------------ stats for tests and diagnostics

  /**
   * The call's counters: the top-level fields are sums over everyone (width/height and the candidate pair are the
   * first person's, as in a 1:1 call), and peers holds one object per other person.
   */
  async function stats() {
    const first = firstLink();
    const result = {
      framesDecoded: 0, framesSent: 0, bytesReceived: 0, bytesSent: 0, audioBytesReceived: 0,
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
        rttMs: null,
      };
      if (link === first) result.candidatePair = pair;
      report.forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') {
          peer.framesDecoded += s.framesDecoded || 0;
          peer.bytesReceived += s.bytesReceived || 0;
          if (s.frameWidth) peer.width = s.frameWidth;
          if (s.frameHeight) peer.height = s.frameHeight;
          if (s.framesPerSecond) peer.fps = s.framesPerSecond;
        } else if (s.type === 'inbound-rtp' && s.kind === 'audio') {
          peer.audioBytesReceived += s.bytesReceived || 0;
        } else if (s.type === 'outbound-rtp' && s.kind === 'video') {
          result.framesSent += s.framesSent || 0;
          result.bytesSent += s.bytesSent || 0;
        } else if (s.type === 'candidate-pair' && s.nominated && typeof s.currentRoundTripTime === 'number') {
          peer.rttMs = Math.round(s.currentRoundTripTime * 1000);
        }
      });
      result.framesDecoded += peer.framesDecoded;
      result.bytesReceived += peer.bytesReceived;
      result.audioBytesReceived += peer.audioBytesReceived;
      if (link === first) {
        result.width = peer.width;
        result.height = peer.height;
      }
      result.peers.push(peer);
    }
    return result;
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

  window.roomcall = Object.freeze({
    state: currentState,
    stats,
    room: () => call.room,
    chatOpen: chatAvailable,
    chatLines: () => chat.lines.map((line) => ({ from: line.from, name: line.name || '', text: line.text, shortened: line.shortened })),
    /** This page's member id in a group room, or null. */
    id: () => call.myId,
    /** The other people: [{peer, name, connectionState, speaking}]. */
    peers: () => links().map((link) => ({
      peer: link.peerId, name: link.name, connectionState: link.pc.connectionState, speaking: link.speaking,
    })),
    sendChat: (text) => sendChat(text),
    unread: () => chat.unread,
    remoteMedia: () => ({ microphone: chat.remoteMicrophone, camera: chat.remoteCamera }),
    /** The six digits both people compare, or null before both descriptions are set. */
    verificationCode: () => (firstLink() && firstLink().verification ? firstLink().verification.code : null),
    /** { code, local, remote } with both DTLS fingerprints, or null. */
    verification: () => (firstLink() && firstLink().verification ? { ...firstLink().verification } : null),
    /** The algorithm alone, for checking it against the app's test vector. */
    verificationCodeOf: (one, other) => verificationCode(one, other),
    /** The rule for text from the other side, for checking it against the app's corpus. */
    displayText: (raw, kind) => displayText(raw, kind),
  });

  // ------------------------------------------------------------------ page wiring

  async function copyLink() {
    const link = location.href;
    let copied = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(link);
        copied = true;
      }
    } catch (err) {
      console.info(`Roomcall: clipboard refused: ${err.message}`);
    }
    if (!copied) copied = copyWithSelection(link);
    ui.copyLink.textContent = copied ? 'Copied!' : 'Copy failed';
    if (!copied) flashNote(`Share this link: ${link}`);
    setTimeout(() => { ui.copyLink.textContent = 'Copy link'; }, 2000);
  }

  /** Plain-http pages have no Clipboard API; a selected off-screen field still copies. */
  function copyWithSelection(text) {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.className = 'offscreen';
    document.body.append(field);
    field.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (err) {
      ok = false;
    }
    field.remove();
    return ok;
  }

  function wirePage() {
    wireChat();
    ui.copyLink.addEventListener('click', copyLink);
    ui.newRoom.addEventListener('click', () => {
      location.href = location.pathname; // no hash: a new room
    });
    ui.unmuteRemote.addEventListener('click', () => {
      for (const video of [ui.remoteVideo, ...links().map((link) => link.tileVideo)]) {
        video.muted = false;
        video.play().catch(() => {});
      }
      ui.unmuteRemote.hidden = true;
    });
    ui.remoteVideo.addEventListener('playing', () => ui.stage.classList.add('has-remote'));
    ui.remoteVideo.addEventListener('emptied', () => ui.stage.classList.remove('has-remote'));
    window.addEventListener('pagehide', leave);
    window.addEventListener('beforeunload', leave);
    window.addEventListener('pageshow', (event) => { if (event.persisted) location.reload(); });
    window.addEventListener('hashchange', () => location.reload()); // another room: start over
    window.addEventListener('online', () => {
      if (call.reconnectTimer) {
        clearTimeout(call.reconnectTimer);
        connect();
      }
    });
  }

  function start() {
    wirePage();
    let room = roomFromHash();
    if (room === '') room = newRoomCode();
    if (room !== null && location.hash !== `#${room}`) {
      history.replaceState(null, '', `${location.pathname}${location.search}#${room}`); // share the canonical link
    }
    if (room === null) {
      call.invalidRoom = true;
      render();
      return;
    }
    call.room = room;
    call.myName = displayText(new URLSearchParams(location.search).get('name'), 'NAME').text;
    setInterval(pollSpeaking, SPEAKING_POLL_MS);
    ui.roomCode.textContent = displayText(room, 'ROOM_CODE').text;
    ui.roomBox.hidden = false;
    document.title = `Roomcall · ${room}`;

    // Join at once, but handle messages only when the media question is settled: the tracks must be in the
    // connection before the first offer or answer.
    const media = acquireMedia().then(({ stream, note }) => {
      call.mediaPending = false;
      if (call.roomFull) {
        if (stream) stream.getTracks().forEach((track) => track.stop());
        render();
        return;
      }
      call.localStream = stream;
      showLocalMedia(stream);
      setNote(ui.mediaNote, note);
      render();
    });
    call.inbox = media;
    render();
    connect();
  }

  start();
})();
