// Roomcall browser page: joins a room on the Roomcall server and holds a WebRTC call with whoever else is in it
// (other browsers or the Roomcall desktop app): one RTCPeerConnection per other member (a mesh), each negotiated
// on its own with perfect negotiation. Group rooms address signaling with "from"/"to" (docs/protocol.md §13).
//
// Wire format (see the project notes): the "event" dialect of the WebSocket relay demo,
//   {"event":"_offer"|"_answer","data":{"sdp":{type,sdp}}} and {"event":"_ice_candidate","data":{"candidate":{...}}},
// plus Roomcall's extensions (joined, peer-joined, peer-left, room-full, bye, error), which the server only sends
// because this page asks for the "roomcall.v1" subprotocol. The bare dialect ({sdp} / {candidate}) is read too.
//
// This file starts the page and gives tests window.roomcall; each part lives in a module named for it.

import { ui, setNote } from './dom.js';
import { call, chat, links, firstLink } from './state.js';
import { roomFromHash, newRoomCode } from './room-code.js';
import { displayText, nameText } from './display-text.js';
import { connect, leave, reconnectNow } from './signaling.js';
import { render, currentState, flashNote } from './view.js';
import { acquireMedia, showLocalMedia } from './media.js';
import { wireChat, sendChat, chatAvailable } from './chat.js';
import { stats, pollSpeaking, SPEAKING_POLL_MS } from './stats.js';
import { verificationCode } from './verification.js';
import { wireShare, renderShareButton, startSharing, stopSharing, sharing } from './share.js';
import { layoutOf } from './layout.js';
import { wireCameraChooser, refreshCameras, switchCamera, currentCamera, cameraList } from './camera.js';
import { t, translateDocument, language, missingTexts } from './texts.js';

window.roomcall = Object.freeze({
  state: currentState,
  stats,
  room: () => call.room,
  chatOpen: chatAvailable,
  chatLines: () => chat.lines.map((line) => ({ from: line.from, name: line.name || '', text: line.text, shortened: line.shortened })),
  /** This page's member id in a group room, or null. */
  id: () => call.myId,
  /** How many RTCPeerConnections this page has made (a call kept through a node's failover makes no new one). */
  connectionsMade: () => call.connectionsMade,
  /**
   * The other people: [{peer, name, connectionState, speaking, presenting, videoSections, negotiations, iceUfrag}]
   * (negotiations: offer/answer exchanges completed on the connection; iceUfrag: its current local ICE username;
   * sendingCamera: the label of the camera it sends, or would send again after a screen share in its place).
   */
  peers: () => links().map((link) => ({
    peer: link.peerId, name: link.name, connectionState: link.pc.connectionState, speaking: link.speaking,
    presenting: link.presenting, videoSections: link.videoSections, negotiations: link.negotiations,
    iceUfrag: iceUfragOf(link.pc.localDescription), sendingCamera: link.sendingCamera,
  })),
  /** Restarts ICE with everyone now (the page does so by itself when a connection fails). */
  restartIce: () => links().forEach((link) => link.pc.restartIce()),
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
  /** Whether this page shares its screen; startSharing() resolves once it does (or was refused). */
  sharing,
  startSharing: () => startSharing(),
  stopSharing: () => stopSharing('stopped by the page'),
  /** The camera this page sends ({label, deviceId, width, height}) or null, and the cameras it could switch to. */
  camera: () => currentCamera(),
  cameras: () => cameraList(),
  /**
   * Switches the camera (a deviceId, or an index into cameras()) as the chooser does; size {width, height} asks for
   * exactly that picture. Resolves to camera() once every connection sends the new one.
   */
  switchCamera: (which, size) => switchCamera(which, size || {}),
  /** The stage's layout decision alone, for checking it against a table. */
  layoutOf: (people) => layoutOf(people),
  /** In a room on the media server: 'connecting', 'up' or 'lost'; null in a mesh. */
  mediaServer: () => (call.sfu ? call.sfu.state : null),
  /** The page's language and any text it lacks there. */
  language: () => language,
  missingTexts: () => missingTexts(),
});

function iceUfragOf(description) {
  const match = description ? /^a=ice-ufrag:(\S+)/m.exec(description.sdp) : null;
  return match ? match[1] : null;
}

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
  ui.copyLink.textContent = t(copied ? 'button.copied' : 'button.copyFailed');
  if (!copied) flashNote(t('note.copyByHand', { link }));
  setTimeout(() => { ui.copyLink.textContent = t('button.copyLink'); }, 2000);
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
  translateDocument(document);
  wireChat();
  wireShare();
  wireCameraChooser();
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
  window.addEventListener('online', reconnectNow);
}

function start() {
  wirePage();
  let room = roomFromHash(location.hash);
  if (room === '') room = newRoomCode();
  if (room !== null && location.hash !== `#${room}`) {
    history.replaceState(null, '', `${location.pathname}${location.search}#${room}`); // share the canonical link
  }
  if (room === null) {
    call.invalidRoom = true;
    renderShareButton();
    render();
    return;
  }
  call.room = room;
  call.myName = nameText(new URLSearchParams(location.search).get('name'));
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
    refreshCameras(); // after the permission, so the cameras have their names
  });
  call.inbox = media;
  render();
  connect();
}

start();
