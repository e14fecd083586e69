// Signaling messages in: a frame of the "event" dialect ({"event":"_offer","data":{"sdp":…}}) or the bare one
// ({sdp} / {candidate}), plus Roomcall's extensions, turned into a checked message or null (logged).

import { nameText } from './display-text.js';
import { isObject } from './state.js';

const MAX_MESSAGE_CHARS = 64 * 1024;

/** Turns a frame into a checked message, or null (logged) if it is not one we understand. */
export function parseMessage(text) {
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
          .map((m) => ({ id: m.id, name: nameText(m.name), demo: m.demo === true })) : [],
      };
      case 'peer-joined':
      case 'peer-left':
      case 'peer-name':
        return {
          kind: json.event,
          peer: typeof data.peer === 'string' ? data.peer : null,
          name: nameText(data.name),
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

function rejected(problem, detail) {
  console.warn(`Roomcall: ignoring a signaling message: ${problem}${detail ? ` (${detail})` : ''}`);
  return null;
}
