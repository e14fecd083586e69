// The mesh: one PeerLink per other member of the room, made, routed to and dropped as the server says who comes
// and goes (docs/protocol.md §13). Group rooms address signaling with "from"/"to"; a 1:1 call does not.

import { call, chat, links, RECONNECT_FIRST_MS } from './state.js';
import { PeerLink } from './peer-link.js';
import { send } from './signaling.js';
import { render, flashNote } from './view.js';
import { makeTile, clearRemote, renderTiles } from './grid.js';
import { renderChat, partnerLeftChat, channelEvent } from './chat.js';
import { releaseMedia } from './media.js';
import { currentScreen, stopSharing, renderShareButton } from './share.js';
import { nameText } from './display-text.js';
import { onSfu, moveToSfu, addPerson, removePerson } from './sfu.js';
import { t } from './texts.js';

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
export function newLink({ peerId = '', name = '', demo = false, offerer }) {
  const old = call.links.get(peerId);
  if (old) dropLink(old);
  const link = new PeerLink({
    iceServers: call.iceServers,
    iceTransportPolicy: call.iceTransportPolicy,
    localStream: call.localStream,
    screen: currentScreen(),
    singleVideo: demo || !call.extensions, // a demo page, or any page behind a plain relay, shows one video
    polite: !offerer,
    offerer,
    send: (message) => send(addressed(message, peerId, demo)),
    onChange: linkChanged,
    onChannel: channelEvent,
    onMedia: renderTiles,
  });
  call.connectionsMade += 1;
  link.peerId = peerId;
  link.name = name;
  link.demo = demo;
  link.presentingSince = null;
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

export function dropLink(link) {
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
    console.warn(`Roomcall: a message from ${nameText(from)}, who is not in this room`);
    return null;
  }
  const all = links();
  if (all.length === 1) return all[0];
  if (all.length === 0 && call.ready) return newLink({ offerer: false }); // an offer from a demo page or a plain relay
  console.warn('Roomcall: an unaddressed message in a room of several; ignored');
  return null;
}

/** One checked message from the server, in the order they came. */
export async function handle(message) {
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
    case 'sfu':
      if (!call.myId) {
        console.warn('Roomcall: a media server room without a member id; ignored');
        break;
      }
      await moveToSfu({ url: message.url, videoroom: message.videoroom, pin: message.pin });
      break;
    case 'error':
      console.warn(`Roomcall: server error ${message.code}: ${message.message}`);
      flashNote(t('note.serverError', { message: message.message || message.code }));
      break;
    case 'description': {
      if (onSfu()) break; // an offer from before its sender heard the room moved: the media server carries everyone
      const link = linkFor(message.from);
      if (link) {
        call.peerLeft = false;
        await link.acceptDescription(message.description);
      }
      break;
    }
    case 'candidate': {
      if (onSfu()) break;
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
  const sameId = id !== null && id === call.myId;
  call.myId = id;
  call.size = size;
  const offerer = peers >= 1; // the newcomer offers to everyone already there
  call.peerPresent = offerer;
  if (offerer) call.peerLeft = false;
  if (id !== null) {
    rejoinMembers(sameId, members);
  } else {
    const connected = links().filter((link) => link.pc.connectionState === 'connected');
    if (!offerer && connected.length > 0) {
      // Back after losing a server without groups, alone: the other person is probably rejoining too. Keep the
      // media flowing until they do (peer-joined replaces it) or it dies.
      connected.forEach((link) => { link.orphaned = true; });
      links().filter((link) => !link.orphaned).forEach(dropLink);
    } else {
      links().forEach(dropLink);
      newLink({ offerer }); // a server without groups: one other person at most
    }
  }
  call.ready = true;
  if (id !== null && call.myName) send({ event: 'hello', data: { name: call.myName } });
  console.info(`Roomcall: joined room ${call.room} ${offerer ? `as the offerer to ${peers}` : 'first, waiting'}`);
}

/**
 * Our connections after a welcome in a group room (the app's RejoinRule, docs/protocol.md §13). With the member id we
 * had (our member token kept it across nodes) nobody was told we left: a connection that is still up goes on as it
 * is, also with someone not back yet (kept until they are, or it fails). Any other connection, and everyone after a
 * new id (the room saw us leave, so they closed their side), starts over with us as the newcomer who offers.
 */
function rejoinMembers(sameId, members) {
  const listed = new Set(members.map((m) => m.id));
  for (const link of links()) {
    if (sameId && link.pc.connectionState === 'connected') {
      link.orphaned = !listed.has(link.peerId);
      if (!link.orphaned) link.resendPendingOffer(); // it may have been lost with the old connection
    } else {
      dropLink(link);
    }
  }
  members.filter((m) => !call.links.has(m.id))
    .forEach((m) => newLink({ peerId: m.id, name: m.name, demo: m.demo, offerer: true }));
}

function onPeerJoined({ peer, name, demo }) {
  call.peerPresent = true;
  call.peerLeft = false;
  if (onSfu() && peer !== null) {
    addPerson(peer, name); // their picture comes through the media server once they publish
    flashNote(t('note.joined', { name: name || t('person.someone') }));
    return;
  }
  if (peer === null) {
    links().filter((link) => link.orphaned).forEach(dropLink);
    // A server without groups: the newcomer, or the other person back after an outage, offers afresh.
    const waiting = call.links.get('');
    if (waiting && waiting.fresh && call.links.size === 1) return;
    links().forEach(dropLink);
    newLink({ offerer: false });
    return;
  }
  const back = call.links.get(peer);
  if (back && back.pc.connectionState === 'connected') {
    // The same person (same id) back after their own rejoin, and the call with them never stopped: it goes on.
    back.orphaned = false;
    if (name) back.name = name;
    back.resendPendingOffer(); // it went nowhere while they were away
    return;
  }
  const unaddressed = call.links.get('');
  if (unaddressed && unaddressed.fresh) dropLink(unaddressed);
  newLink({ peerId: peer, name, demo, offerer: false }); // the newcomer offers to us
  if (call.links.size >= 2) flashNote(t('note.joined', { name: name || t('person.someone') }));
}

function onPeerName({ peer, name }) {
  const link = peer === null ? null : call.links.get(peer);
  if (!link) return;
  link.name = name;
  renderTiles();
}

/** Nobody will see this camera: let it go (its light goes off) rather than hold it for nothing. */
export function roomIsFull() {
  call.roomFull = true;
  links().forEach(dropLink);
  stopSharing('room-full');
  renderShareButton();
  releaseMedia(call.localStream);
}

function onPeerLeft({ peer }) {
  if (onSfu() && peer !== null) {
    const link = call.links.get(peer);
    if (link) flashNote(t('note.left', { name: link.name || t('person.someone') }));
    removePerson(peer);
    return;
  }
  const gone = peer === null ? links() : [call.links.get(peer)].filter(Boolean);
  for (const link of gone) {
    partnerLeftChat(link);
    dropLink(link);
  }
  if (peer !== null && gone.length > 0 && call.links.size > 0) flashNote(t('note.left', { name: gone[0].name || t('person.someone') }));
  if (call.links.size === 0) {
    call.peerPresent = false;
    call.peerLeft = true; // the next one to join will offer
    chat.remoteMicrophone = null;
    chat.remoteCamera = null;
  }
}
