// The signaling socket to the Roomcall server: connecting, reconnecting with back-off, sending, leaving.
// Incoming frames are checked (messages.js) and handled one at a time, in order, through call.inbox.

import { call, links, RECONNECT_FIRST_MS } from './state.js';
import { parseMessage } from './messages.js';
import { handle, newLink, dropLink, roomIsFull } from './mesh.js';
import { render } from './view.js';

const SUBPROTOCOL = 'roomcall.v1';
const CLOSE_ROOM_FULL = 4001;
const CLOSE_REPLACED = 4009; // this page's own newer connection took its seat: this one is over
const CLOSE_LIMIT = 4008;
const CLOSE_SERVICE_RESTART = 1012; // a draining node behind a load balancer: reconnect at once, elsewhere
const RECONNECT_MAX_MS = 15000;
const RECONNECT_AFTER_LIMIT_MS = 5000;

function signalingUrl(room) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const r = encodeURIComponent(room);
  if (!call.memberToken) call.memberToken = newMemberToken();
  return `${scheme}://${location.host}/${r}?room=${r}&member=${call.memberToken}`;
}

/**
 * 128 random bits, base64url (22 characters): this page's member token for its call, the same on every (re)connect,
 * so whichever node the room lands on gives the page the member id it had (docs/protocol.md §13). Never shown.
 */
function newMemberToken() {
  const bits = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bits)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function connect() {
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
    // 4009: the same member token joined on a newer connection; that one holds the seat now, not this page.
    if (call.roomFull || call.leaving || event.code === CLOSE_REPLACED) {
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

export function send(message) {
  const ws = call.socket;
  if (!ws || ws.readyState !== WebSocket.OPEN) {
    console.info(`Roomcall: not connected to the server, dropping ${message.event}`);
    return;
  }
  ws.send(JSON.stringify(message));
}

export function leave() {
  if (call.leaving) return;
  call.leaving = true;
  clearTimeout(call.reconnectTimer);
  if (call.extensions) send({ event: 'bye' }); // a plain relay would hand "bye" to a demo page that chokes on it
  if (call.socket) call.socket.close(1000, 'bye');
  links().forEach((link) => link.close());
  if (call.sfu) call.sfu.stop(); // leaves the media server's room at once, not at its session timeout
}

/** Back online after the network went away: try the server now rather than at the end of the back-off. */
export function reconnectNow() {
  if (call.reconnectTimer) {
    clearTimeout(call.reconnectTimer);
    connect();
  }
}
